package org.balintcompanion.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.balintcompanion.admin.ZoomPresenceRouter;
import org.balintcompanion.zoom.webhook.WebhookDelivery;
import org.balintcompanion.zoom.webhook.WebhookOutcome;
import org.balintcompanion.zoom.webhook.ZoomWebhooks;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /webhooks/zoom}: verifies Zoom's signature over the raw body, answers URL validation, and hands
 * presence events to the router. Answers in milliseconds (Zoom wants an answer within 3 s); the work happens after.
 */
final class ZoomWebhookHandler extends Handler.Abstract {
    private static final int MAX_BODY = 256 * 1024;

    private final ZoomWebhooks webhooks;
    private final ZoomPresenceRouter router;
    private final WebhookRefusals refusals;

    /** {@code webhooks} null: no ZOOM_WEBHOOK_SECRET_TOKEN, so nothing can be verified and every delivery is refused. */
    ZoomWebhookHandler(ZoomWebhooks webhooks, ZoomPresenceRouter router, WebhookRefusals refusals) {
        this.webhooks = webhooks;
        this.router = router;
        this.refusals = refusals;
    }

    @Override public boolean handle(Request request, Response response, Callback callback) {
        if (!Request.getPathInContext(request).equals("/webhooks/zoom")) return false;
        if (!request.getMethod().equals("POST")) {
            Problems.write(request, response, callback, 405, "Method not allowed", "Zoom webhooks are POSTed.", null);
            return true;
        }
        if (webhooks == null) {
            Problems.write(request, response, callback, 503, "Webhooks not configured",
                    "Set ZOOM_WEBHOOK_SECRET_TOKEN so Zoom's deliveries can be verified.", null);
            return true;
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            Problems.write(request, response, callback, 400, "Bad request", "The body could not be read.", null);
            return true;
        }
        if (body.length > MAX_BODY) {
            Problems.write(request, response, callback, 413, "Body too large", "Zoom webhooks are far smaller than 256 KiB.", null);
            return true;
        }
        WebhookOutcome outcome = webhooks.receive(WebhookDelivery.of(name -> request.getHeaders().get(name), body));
        switch (outcome) {
            case WebhookOutcome.Presence p -> router.accept(p.event());
            case WebhookOutcome.Rejected r -> {
                refusals.refused(r.reason().name().toLowerCase(java.util.Locale.ROOT));
                Problems.write(request, response, callback, 401, "Webhook refused", "Not signed by Zoom with this server's "
                        + "ZOOM_WEBHOOK_SECRET_TOKEN, or signed too long ago: " + r.reason().description() + ".", null);
                return true;
            }
            case WebhookOutcome.Malformed m -> {
                refusals.refused("unreadable_body");
                Problems.write(request, response, callback, 400, "Unreadable webhook",
                        "The delivery is signed but its body cannot be read as a Zoom event: " + m.problem(), null);
                return true;
            }
            default -> { }
        }
        response.setStatus(outcome.httpStatus());
        String answer = outcome.responseBody();
        if (answer == null || answer.isEmpty()) {
            callback.succeeded();
        } else {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.write(true, ByteBuffer.wrap(answer.getBytes(StandardCharsets.UTF_8)), callback);
        }
        return true;
    }
}
