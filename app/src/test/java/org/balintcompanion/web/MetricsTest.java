package org.balintcompanion.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.balintcompanion.room.PhaseTemplate;
import org.balintcompanion.room.Role;
import org.balintcompanion.support.RoomClient;
import org.balintcompanion.support.TestServer;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prometheus text on the metrics port, counting what an operator watches during a meeting. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MetricsTest {
    private static final HttpClient http = HttpClient.newHttpClient();
    private TestServer server;
    private WebSocketClient ws;

    @BeforeEach void start() throws Exception {
        server = TestServer.start(Map.of("BALINT_METRICS_PORT", "0"));
        ws = new WebSocketClient();
        ws.start();
    }

    @AfterEach void stop() throws Exception {
        ws.stop();
        server.close();
    }

    private HttpResponse<String> metricsPort(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.app().metricsPort() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.Ee+-]+)$").matcher(scrape);
        assertTrue(m.find(), () -> "no " + series + " in\n" + scrape);
        return Double.parseDouble(m.group(1));
    }

    @Test void roomsConnectionsAndCommandsByOutcomeAreScrapedInPrometheusText() throws Exception {
        server.openRoom(PhaseTemplate.OPEN);
        var lea = RoomClient.join(ws, server.roomUri(server.token("lea", Role.LEADER)));
        var bob = RoomClient.join(ws, server.roomUri(server.token("bob", Role.MEMBER)));
        bob.ack(bob.send("raiseHand"));
        assertEquals("not_a_leader", bob.errorCode(bob.send("lowerAllHands")));

        var r = metricsPort("/metrics");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        String scrape = r.body();
        assertEquals(1.0, value(scrape, "balint_rooms_open"));
        assertEquals(2.0, value(scrape, "balint_connections"));
        assertTrue(value(scrape, "balint_commands_total{outcome=\"ok\"}") >= 1.0);
        assertEquals(1.0, value(scrape, "balint_commands_total{outcome=\"not_a_leader\"}"));
        assertEquals(0.0, value(scrape, "balint_journal_queued"), "everything acknowledged is written");
        assertEquals(1.0, value(scrape, "balint_journal_healthy"));
        assertEquals(0.0, value(scrape, "balint_rooms_unrestored"));
        assertTrue(value(scrape, "balint_journal_commit_seconds_count") >= 1.0, "each durable write is timed");
    }

    @Test void metricsAreServedOnlyOnTheirOwnPort() throws Exception {
        var onPublicPort = http.send(HttpRequest.newBuilder(server.http("/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, onPublicPort.statusCode());
        assertEquals(404, metricsPort("/healthz").statusCode(), "the metrics port serves nothing else");
    }
}
