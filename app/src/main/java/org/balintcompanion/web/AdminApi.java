package org.balintcompanion.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.balintcompanion.admin.Account;
import org.balintcompanion.admin.Admin;
import org.balintcompanion.admin.AdminSessions;
import org.balintcompanion.admin.ApiException;
import org.balintcompanion.admin.Backups;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP API under {@code /api/} (docs/api.md). Cookie sessions with a CSRF header on every write; every
 * refusal is problem+json naming the field at fault. Handlers block on the database, so Jetty runs them on virtual
 * threads, never on the rooms' writers.
 */
final class AdminApi extends Handler.Abstract {
    private static final Logger log = LoggerFactory.getLogger(AdminApi.class);
    static final String COOKIE = "balint_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final int MAX_BODY = 64 * 1024;

    private final Admin admin;
    private final Backups backups;
    private final AdminRoutes routes;
    private final ObjectMapper json;
    private final boolean secureCookies;

    AdminApi(Admin admin, Backups backups, ObjectMapper json, boolean secureCookies) {
        this.admin = admin;
        this.backups = backups;
        this.json = json;
        this.routes = new AdminRoutes(admin);
        this.secureCookies = secureCookies;
    }

    @Override public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!path.startsWith("/api/")) return false;
        try {
            Object result = dispatch(request, response, path.substring(5));
            if (result == null) {
                response.setStatus(204);
                callback.succeeded();
            } else if (result instanceof AdminRoutes.Created created) {
                respond(response, callback, 201, created.body());
            } else {
                respond(response, callback, 200, result);
            }
        } catch (ApiException e) {
            problem(request, response, callback, e);
        } catch (RuntimeException e) {
            log.error("admin API request failed: {} {}", request.getMethod(), path, e);
            Problems.write(request, response, callback, 500, "Server error", "The server could not complete this request; nothing was changed.", null);
        }
        return true;
    }

    private Object dispatch(Request request, Response response, String path) {
        String method = request.getMethod();
        List<String> parts = List.of(path.split("/"));
        JsonNode body = method.equals("GET") || method.equals("DELETE") ? json.createObjectNode() : body(request);
        if (parts.equals(List.of("setup")) && method.equals("POST")) {
            Account a = admin.sessions().completeSetup(text(body, "token"), text(body, "email"), text(body, "password"));
            return Map.of("account", a);
        }
        if (parts.equals(List.of("session")) && method.equals("POST")) {
            AdminSessions.Session s = admin.sessions().signIn(text(body, "email"), text(body, "password"), Request.getRemoteAddr(request));
            Response.addCookie(response, HttpCookie.build(COOKIE, s.cookieValue()).path("/").httpOnly(true)
                    .sameSite(HttpCookie.SameSite.STRICT).secure(secureCookies).maxAge(AdminSessions.SESSION_LIFETIME.toSeconds()).build());
            return Map.of("account", s.account(), "csrfToken", s.csrfToken(), "expiresAt", s.expiresAt().toString());
        }
        AdminSessions.Session session = session(request);
        if (!method.equals("GET") && !sameToken(session.csrfToken(), request.getHeaders().get(CSRF_HEADER))) {
            throw ApiException.forbidden("Missing or wrong " + CSRF_HEADER + " header: send the csrfToken you received at sign-in.");
        }
        if (parts.equals(List.of("session"))) {
            if (method.equals("GET")) return Map.of("account", session.account(), "csrfToken", session.csrfToken());
            if (method.equals("DELETE")) {
                admin.sessions().signOut(session);
                Response.addCookie(response, HttpCookie.build(COOKIE, "").path("/").httpOnly(true).maxAge(0).build());
                return null;
            }
        }
        if (parts.equals(List.of("backup"))) {
            if (!method.equals("POST")) throw new ApiException(405, "Method not allowed", "A backup is taken with POST.", null, null);
            return new AdminRoutes.Created(backups.take(session.account()));
        }
        return routes.route(session.account(), method, parts, fields(body), request);
    }

    /** In constant time, so the response time does not tell how much of a guessed token was right. */
    private static boolean sameToken(String expected, String sent) {
        return sent != null && java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    private AdminSessions.Session session(Request request) {
        String value = null;
        for (HttpCookie c : Request.getCookies(request)) if (c.getName().equals(COOKIE)) value = c.getValue();
        AdminSessions.Session s = admin.sessions().find(value);
        if (s == null) throw ApiException.unauthorized("Sign in first (POST /api/session), or your session has expired.");
        return s;
    }

    private JsonNode body(Request request) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        long length = request.getLength();
        if (length > MAX_BODY) throw new ApiException(413, "Body too large", "Requests are limited to 64 KiB.", null, null);
        if (length == 0) return json.createObjectNode();
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            throw new ApiException(415, "Unsupported media type", "Send JSON with Content-Type: application/json.", null, null);
        }
        byte[] bytes;
        try (InputStream in = Content.Source.asInputStream(request)) {
            bytes = in.readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            throw new ApiException(400, "Bad request", "The request body could not be read.", null, null);
        }
        if (bytes.length > MAX_BODY) throw new ApiException(413, "Body too large", "Requests are limited to 64 KiB.", null, null);
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (IOException e) {
            throw new ApiException(400, "Bad request", "The body is not valid JSON.", null, null);
        }
        if (node == null || !node.isObject()) throw new ApiException(400, "Bad request", "The body must be a JSON object.", null, null);
        return node;
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || !n.isTextual()) throw ApiException.badField(field, "'" + field + "' is required.");
        return n.asText();
    }

    private static org.balintcompanion.admin.Fields fields(JsonNode body) { return new org.balintcompanion.admin.Fields(body); }

    private void respond(Response response, Callback callback, int status, Object result) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    private void problem(Request request, Response response, Callback callback, ApiException e) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("title", e.title());
        body.put("status", e.status());
        body.put("detail", e.getMessage());
        if (e.field() != null) body.put("field", e.field());
        if (e.extra() instanceof Map<?, ?> extra) extra.forEach((k, v) -> body.put(String.valueOf(k), v));
        try {
            response.setStatus(e.status());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
            response.write(true, ByteBuffer.wrap(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8)), callback);
        } catch (JsonProcessingException ex) {
            Problems.write(request, response, callback, e.status(), e.title(), e.getMessage(), e.field());
        }
    }
}
