package org.balintcompanion.web;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.balintcompanion.metrics.Metrics;
import org.balintcompanion.support.TestServer;
import org.balintcompanion.zoom.webhook.WebhookVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What Zoom and an operator see when a delivery is refused: a problem body, and a log line a minute at most. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WebhookDeliveriesTest {
    private static final String SECRET = "webhook-secret-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private TestServer server;

    @BeforeEach void start() throws Exception { server = TestServer.start(Map.of("ZOOM_WEBHOOK_SECRET_TOKEN", SECRET)); }

    @AfterEach void stop() throws Exception { server.close(); }

    private HttpResponse<String> deliver(String body, String secret) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        var request = HttpRequest.newBuilder(server.http("/webhooks/zoom")).header("Content-Type", "application/json")
                .header("x-zm-request-timestamp", timestamp)
                .header("x-zm-signature", new WebhookVerifier(secret, Clock.systemUTC()).sign(timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test void aSignedBodyThatCannotBeParsedGetsAProblemBody() throws Exception {
        var r = deliver("{\"event\": not json", SECRET);
        assertEquals(400, r.statusCode());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals(400, JSON.readTree(r.body()).path("status").asInt());
    }

    @Test void aDeliverySignedWithAnotherSecretGetsAProblemBodyNamingTheSetting() throws Exception {
        var r = deliver("{\"event\":\"meeting.participant_joined\"}", "another secret");
        assertEquals(401, r.statusCode());
        assertTrue(JSON.readTree(r.body()).path("detail").asText().contains("ZOOM_WEBHOOK_SECRET_TOKEN"), r.body());
    }

    @Test void refusalsAreLoggedAtMostOnceAMinuteWithTheirCount() {
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        var logger = (Logger) LoggerFactory.getLogger(WebhookRefusals.class);
        logger.addAppender(appender);
        Level before = logger.getLevel();
        logger.setLevel(Level.INFO);
        try {
            var now = new AtomicLong();
            var metrics = new Metrics();
            var refusals = new WebhookRefusals(metrics, now::get);
            refusals.refused("signature_mismatch");            // the first one is told at once
            now.addAndGet(TimeUnit.SECONDS.toNanos(10));
            refusals.refused("signature_mismatch");
            refusals.refused("stale_timestamp");
            assertEquals(1, appender.list.size(), "within the minute: counted, not logged");
            now.addAndGet(TimeUnit.SECONDS.toNanos(55));
            refusals.refused("signature_mismatch");
            List<ILoggingEvent> lines = appender.list;
            assertEquals(2, lines.size());
            assertEquals(Level.INFO, lines.get(1).getLevel());
            assertTrue(lines.get(1).getFormattedMessage().startsWith("3 Zoom webhook deliveries refused in the last minute"),
                    lines.get(1).getFormattedMessage());
            assertTrue(metrics.scrape().contains("balint_webhooks_refused_total{reason=\"signature_mismatch\"} 3.0"), metrics.scrape());
        } finally {
            logger.setLevel(before);
            logger.detachAppender(appender);
        }
    }
}
