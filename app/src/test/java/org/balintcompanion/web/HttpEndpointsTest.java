package org.balintcompanion.web;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.balintcompanion.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpEndpointsTest {
    private static TestServer server;
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();

    @BeforeAll static void start() throws Exception { server = TestServer.start(); }

    @AfterAll static void stop() throws Exception { server.close(); }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.http(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test void healthAnswersWithJson() throws Exception {
        var r = get("/healthz");
        assertEquals(200, r.statusCode());
        JsonNode body = json.readTree(r.body());
        assertEquals("ok", body.path("status").asText());
        assertTrue(body.has("rooms") && body.has("connections"));
    }

    @Test void anUnknownAddressIsAProblemJson404() throws Exception {
        var r = get("/no/such/page");
        assertEquals(404, r.statusCode());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals(404, json.readTree(r.body()).path("status").asInt());
    }

    @Test void aWrongMethodOnHealthIsA405Problem() throws Exception {
        var r = http.send(HttpRequest.newBuilder(server.http("/healthz")).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, r.statusCode());
        assertEquals("Method not allowed", json.readTree(r.body()).path("title").asText());
    }

    @Test void everyResponseCarriesAStrictContentSecurityPolicy() throws Exception {
        var r = get("/healthz");
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""));
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test void aPlainHttpRequestToTheSocketPathIsNotAnUpgrade() throws Exception {
        var r = get("/ws/rooms/r1");
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, "status " + r.statusCode());
        assertTrue(r.body().startsWith("{"), r.body());
    }
}
