package org.balintcompanion.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.balintcompanion.room.PhaseTemplate;
import org.balintcompanion.room.Role;
import org.balintcompanion.support.RoomClient;
import org.balintcompanion.support.SelfSignedCertificate;
import org.balintcompanion.support.TestServer;
import org.balintcompanion.zoom.webhook.WebhookVerifier;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The server behind a real nginx (Debian's package) running docs/deploy/nginx-balint.conf with a self-signed
 * certificate: everything a public install does goes through the proxy over TLS. Clients bind other loopback
 * addresses (127.0.0.2, …) than the proxy (127.0.0.1), so the address the server sees tells who it believed.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class BehindNginxTest {
    private static final String EMAIL = "admin@society.example";
    private static final String PASSWORD = "correct horse battery";
    private static final String SECRET = "webhook-secret-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path dir;
    private static SelfSignedCertificate cert;
    private static TestServer server;
    private static Process nginx;
    private static int proxyPort;

    @BeforeAll static void start() throws Exception {
        Path binary = nginxBinary();
        dir = Files.createTempDirectory("balint-nginx");
        cert = SelfSignedCertificate.create(dir, "localhost");
        proxyPort = freePort();
        String origin = "https://localhost:" + proxyPort;
        var env = new HashMap<String, String>(Map.of("BALINT_TRUSTED_PROXIES", "127.0.0.1",
                "BALINT_PUBLIC_URL", origin, "BALINT_ALLOWED_ORIGINS", origin + "," + TestServer.ORIGIN,
                "ZOOM_WEBHOOK_SECRET_TOKEN", SECRET, "BALINT_ADMIN_EMAIL", EMAIL, "BALINT_ADMIN_PASSWORD", PASSWORD));
        server = TestServer.start(env);
        server.app().admin().sessions().ensureFirstAdmin(EMAIL, PASSWORD);
        nginx = startNginx(binary, server.app().port());
    }

    @AfterAll static void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        if (server != null) server.close();
    }

    /** nginx where Debian puts it; absent only on a developer's machine, never in CI, where .ci/run installs it. */
    private static Path nginxBinary() {
        for (String candidate : new String[] {"/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx"}) {
            if (Files.isExecutable(Path.of(candidate))) return Path.of(candidate);
        }
        if (System.getenv("CI") != null) fail("nginx is not installed: .ci/run installs it with apt-get install nginx");
        assumeTrue(false, "nginx is not installed (apt-get install nginx): skipping the reverse-proxy test on this machine");
        return null;
    }

    private static Process startNginx(Path binary, int upstreamPort) throws Exception {
        String site = Files.readString(Path.of("../docs/deploy/nginx-balint.conf"))
                .replace("127.0.0.1:8080", "127.0.0.1:" + upstreamPort)
                .replace("listen 443 ssl http2;", "listen 127.0.0.1:" + proxyPort + " ssl http2;")
                .replace("listen [::]:443 ssl http2;", "")
                .replace("listen 80;", "listen 127.0.0.1:" + freePort() + ";")
                .replace("listen [::]:80;", "")
                .replace("/etc/letsencrypt/live/balint.example.org/fullchain.pem", cert.certificate().toString())
                .replace("/etc/letsencrypt/live/balint.example.org/privkey.pem", cert.privateKey().toString());
        assertTrue(site.contains(cert.certificate().toString()) && site.contains(":" + proxyPort + " ssl"),
                "docs/deploy/nginx-balint.conf changed shape: update this test's substitutions");
        Files.writeString(dir.resolve("site.conf"), site);
        boolean root = "root".equals(System.getProperty("user.name"));
        Files.writeString(dir.resolve("nginx.conf"), (root ? "user root;\n" : "") + """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 256; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include %1$s/site.conf;
                }
                """.formatted(dir));
        Process p = new ProcessBuilder(binary.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(),
                "-g", "daemon off;").redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            if (!p.isAlive()) fail("nginx stopped: " + Files.readString(dir.resolve("nginx.out")));
            try (var s = new java.net.Socket("127.0.0.1", proxyPort)) {
                return p;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) fail("nginx did not listen within 15 s: " + Files.readString(dir.resolve("nginx.out")));
                Thread.sleep(50);   // a process starting: nothing to wait on but its port
            }
        }
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static URI viaProxy(String path) { return URI.create("https://localhost:" + proxyPort + path); }

    /** An HTTPS client from its own loopback address, with its own cookie jar. */
    private static HttpClient clientFrom(String address) throws Exception {
        return HttpClient.newBuilder().sslContext(cert.trustingContext()).localAddress(InetAddress.getByName(address))
                .cookieHandler(new java.net.CookieManager()).build();
    }

    private static HttpResponse<String> signIn(HttpClient http, URI base, String password, String spoofedFor) throws Exception {
        var b = HttpRequest.newBuilder(base.resolve("/api/session")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + EMAIL + "\",\"password\":\"" + password + "\"}"));
        if (spoofedFor != null) b.header("X-Forwarded-For", spoofedFor);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test void aMemberTakesPartOverWssAndTheTokenNeverReachesTheProxyLog() throws Exception {
        server.openRoom(PhaseTemplate.OPEN);
        String token = server.token("alice", Role.MEMBER);
        WebSocketClient sockets = cert.webSocketClient();
        try {
            var req = new ClientUpgradeRequest();
            req.setHeader("Origin", "https://localhost:" + proxyPort);
            req.setSubProtocols(RoomUpgrade.PROTOCOL, RoomUpgrade.TOKEN_PROTOCOL_PREFIX + token);
            var alice = new RoomClient();
            var session = sockets.connect(alice, URI.create("wss://localhost:" + proxyPort + "/ws/rooms/" + TestServer.ROOM.value()), req)
                    .get(10, TimeUnit.SECONDS);
            assertEquals(RoomUpgrade.PROTOCOL, session.getUpgradeResponse().getAcceptedSubProtocol());
            alice.next("snapshot");
            String id = alice.send("raiseHand");
            assertTrue(alice.ack(id) > 0);
            alice.close();
        } finally {
            sockets.stop();
        }
        String log = Files.readString(dir.resolve("access.log"));
        assertTrue(log.contains("/ws/rooms/" + TestServer.ROOM.value()), "the upgrade went through nginx: " + log);
        assertFalse(log.contains(token), "the join token must not appear in the proxy's access log");
    }

    @Test void anAdministratorSignsInOverHttpsWithASecureCookieAndStrictTransportSecurity() throws Exception {
        var r = signIn(clientFrom("127.0.0.5"), viaProxy("/"), PASSWORD, null);
        assertEquals(200, r.statusCode(), r.body());
        String cookie = r.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.contains("Secure") && cookie.contains("HttpOnly"), cookie);
        assertEquals(SecurityHeaders.HSTS, r.headers().firstValue("Strict-Transport-Security").orElse(""),
                "the proxy said the client used HTTPS, and the server believed it");
    }

    @Test void zoomValidatesTheWebhookEndpointOverHttps() throws Exception {
        byte[] body = "{\"event\":\"endpoint.url_validation\",\"payload\":{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\"},\"event_ts\":%d}"
                .formatted(System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8);
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        String signature = new WebhookVerifier(SECRET, Clock.systemUTC()).sign(timestamp, body);
        var r = clientFrom("127.0.0.6").send(HttpRequest.newBuilder(viaProxy("/webhooks/zoom"))
                .header("Content-Type", "application/json").header("x-zm-request-timestamp", timestamp)
                .header("x-zm-signature", signature).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode answer = JSON.readTree(r.body());
        assertEquals("qgg8vlvZRS6UYooatFL8Aw", answer.path("plainToken").asText());
        assertFalse(answer.path("encryptedToken").asText().isEmpty());
    }

    @Test void guessesThroughTheProxyCountAgainstTheRealClientNotAgainstEveryone() throws Exception {
        var guesser = clientFrom("127.0.0.2");
        for (int i = 0; i < 5; i++) {
            // whatever the guesser writes in X-Forwarded-For, nginx appends its real address, and that one counts
            assertEquals(401, signIn(guesser, viaProxy("/"), "wrong password " + i, "198.51.100." + i).statusCode());
        }
        assertEquals(429, signIn(guesser, viaProxy("/"), PASSWORD, "198.51.100.99").statusCode(), "the guesser waits");
        assertEquals(200, signIn(clientFrom("127.0.0.3"), viaProxy("/"), PASSWORD, null).statusCode(),
                "the administrator, elsewhere behind the same proxy, still signs in");
    }

    @Test void forwardedHeadersFromAnyoneButTheListedProxyAreIgnored() throws Exception {
        var direct = clientFrom("127.0.0.4");
        URI jetty = URI.create("http://127.0.0.1:" + server.app().port() + "/");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, signIn(direct, jetty, "wrong password " + i, "203.0.113." + i).statusCode());
        }
        assertEquals(429, signIn(direct, jetty, PASSWORD, "203.0.113.99").statusCode(),
                "a new X-Forwarded-For from an unlisted address does not make a new client");
        var r = direct.send(HttpRequest.newBuilder(jetty.resolve("/healthz")).header("X-Forwarded-Proto", "https").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(r.headers().firstValue("Strict-Transport-Security").isEmpty(), "nor does it claim HTTPS");
    }
}
