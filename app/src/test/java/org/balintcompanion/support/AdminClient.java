package org.balintcompanion.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An HTTP client for the admin API as a browser would use it: a cookie jar and the CSRF header on writes. */
public final class AdminClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Reply(int status, JsonNode body, HttpResponse<String> raw) {
        public String text(String field) { return body.path(field).asText(); }
    }

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final TestServer server;
    private String csrf = "";

    public AdminClient(TestServer server) { this.server = server; }

    public Reply signIn(String email, String password) throws Exception {
        Reply r = call("POST", "/api/session", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        if (r.status() == 200) csrf = r.text("csrfToken");
        return r;
    }

    public Reply get(String path) throws Exception { return call("GET", path, null); }

    public Reply post(String path, Object body) throws Exception { return call("POST", path, JSON.writeValueAsString(body)); }

    public Reply put(String path, Object body) throws Exception { return call("PUT", path, JSON.writeValueAsString(body)); }

    public Reply patch(String path, Object body) throws Exception { return call("PATCH", path, JSON.writeValueAsString(body)); }

    public Reply delete(String path) throws Exception { return call("DELETE", path, null); }

    public Reply call(String method, String path, String body) throws Exception {
        return send(method, path, body, "application/json", csrf);
    }

    public Reply send(String method, String path, String body, String contentType, String csrfToken) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(server.http(path).toString())).header("X-CSRF-Token", csrfToken);
        if (body != null) b.header("Content-Type", contentType);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode node = r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
        return new Reply(r.statusCode(), node, r);
    }
}
