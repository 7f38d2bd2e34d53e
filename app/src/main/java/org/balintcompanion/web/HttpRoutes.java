package org.balintcompanion.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.balintcompanion.live.RoomRegistry;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The small HTTP surface besides the sockets and static pages: health. */
final class HttpRoutes extends Handler.Abstract.NonBlocking {
    private final RoomRegistry rooms;

    HttpRoutes(RoomRegistry rooms) { this.rooms = rooms; }

    @Override public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!path.equals("/healthz")) return false;
        if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
            Problems.write(request, response, callback, 405, "Method not allowed", "Use GET on /healthz.", null);
            return true;
        }
        String body = "{\"status\":\"ok\",\"rooms\":" + rooms.roomCount() + ",\"connections\":" + rooms.connectionCount() + "}";
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
