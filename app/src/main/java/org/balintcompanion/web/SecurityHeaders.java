package org.balintcompanion.web;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Headers on every response: a strict Content-Security-Policy (no inline script or style, sockets only to this
 * origin), no framing, no referrer (join links carry tokens), no MIME sniffing, and no caching of pages; over HTTPS
 * (in Jetty, or at a trusted proxy) also Strict-Transport-Security, so a browser never tries plain HTTP again.
 */
final class SecurityHeaders extends Handler.Wrapper {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    static final String HSTS = "max-age=31536000";

    SecurityHeaders(Handler next) { super(next); }

    @Override public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields.Mutable h = response.getHeaders();
        h.put("Content-Security-Policy", CSP);
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Referrer-Policy", "no-referrer");
        h.put("Cache-Control", "no-store");
        h.put("Permissions-Policy", "camera=(self), microphone=(self), geolocation=()");
        if (request.isSecure()) h.put("Strict-Transport-Security", HSTS);
        return super.handle(request, response, callback);
    }
}
