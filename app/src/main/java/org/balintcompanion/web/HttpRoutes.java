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

/**
 * The small HTTP surface besides the sockets and static pages: health. 200 while the journal writes and every room
 * came back after the last restart; 503 otherwise, so a load balancer or monitor notices.
 */
final class HttpRoutes extends Handler.Abstract.NonBlocking {
    private final RoomRegistry rooms;
    private final ServerHealth health;

    HttpRoutes(RoomRegistry rooms, ServerHealth health) {
        this.rooms = rooms;
        this.health = health;
    }

    @Override public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!path.equals("/healthz")) return false;
        if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
            Problems.write(request, response, callback, 405, "Method not allowed", "Use GET on /healthz.", null);
            return true;
        }
        ServerHealth.Report r = health.report();
        String body = "{\"status\":\"" + (r.healthy() ? "ok" : "degraded") + "\",\"rooms\":" + rooms.roomCount()
                + ",\"connections\":" + rooms.connectionCount() + ",\"journal\":\"" + r.journal() + "\",\"journalQueued\":"
                + r.journalQueued() + ",\"unrestoredRooms\":" + r.unrestoredRooms() + "}";
        response.setStatus(r.healthy() ? 200 : 503);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
