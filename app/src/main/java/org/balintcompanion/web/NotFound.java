package org.balintcompanion.web;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The last handler: anything nobody else answered is a JSON 404, never Jetty's HTML error page. */
final class NotFound extends Handler.Abstract.NonBlocking {
    @Override public boolean handle(Request request, Response response, Callback callback) {
        Problems.write(request, response, callback, 404, "Not found", "There is nothing at this address.", null);
        return true;
    }
}
