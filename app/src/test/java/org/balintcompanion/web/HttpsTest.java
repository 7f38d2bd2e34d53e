package org.balintcompanion.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLSocket;

import org.balintcompanion.room.PhaseTemplate;
import org.balintcompanion.room.Role;
import org.balintcompanion.support.RoomClient;
import org.balintcompanion.support.SelfSignedCertificate;
import org.balintcompanion.support.TestServer;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TLS terminated in Jetty, from PEM files named in the environment, as on a server without a proxy. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpsTest {
    private Path dir;
    private SelfSignedCertificate cert;
    private TestServer server;

    @BeforeEach void start() throws Exception {
        dir = Files.createTempDirectory("balint-tls");
        cert = SelfSignedCertificate.create(dir.resolve("first"), "first");
        Path live = dir.resolve("live");
        Files.createDirectories(live);
        Files.copy(cert.certificate(), live.resolve("cert.pem"));
        Files.copy(cert.privateKey(), live.resolve("key.pem"));
        server = TestServer.start(Map.of("BALINT_TLS_CERT", live.resolve("cert.pem").toString(),
                "BALINT_TLS_KEY", live.resolve("key.pem").toString(), "BALINT_TLS_RELOAD_SECONDS", "1"));
    }

    @AfterEach void stop() throws Exception { server.close(); }

    private URI https(String path) { return URI.create("https://localhost:" + server.app().port() + path); }

    @Test void pagesAreServedOverHttp2WithStrictTransportSecurity() throws Exception {
        var http = HttpClient.newBuilder().sslContext(cert.trustingContext()).version(HttpClient.Version.HTTP_2).build();
        var r = http.send(HttpRequest.newBuilder(https("/join/")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals(HttpClient.Version.HTTP_2, r.version());
        assertEquals(SecurityHeaders.HSTS, r.headers().firstValue("Strict-Transport-Security").orElse(""));
        assertTrue(r.headers().firstValue("Content-Security-Policy").isPresent());
    }

    @Test void http11ClientsAreServedToo() throws Exception {
        var http = HttpClient.newBuilder().sslContext(cert.trustingContext()).version(HttpClient.Version.HTTP_1_1).build();
        var r = http.send(HttpRequest.newBuilder(https("/healthz")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals(HttpClient.Version.HTTP_1_1, r.version());
    }

    @Test void oldProtocolsAreRefused() throws Exception {
        try (var socket = (SSLSocket) cert.trustingContext().getSocketFactory().createSocket("localhost", server.app().port())) {
            socket.setEnabledProtocols(new String[] {"TLSv1.1"});
            boolean refused;
            try {
                socket.startHandshake();
                refused = false;
            } catch (java.io.IOException expected) {
                refused = true;
            }
            assertTrue(refused, "a TLS 1.1 handshake must fail");
        }
    }

    @Test void aMemberJoinsTheRoomOverWss() throws Exception {
        server.openRoom(PhaseTemplate.OPEN);
        WebSocketClient client = cert.webSocketClient();
        try {
            var req = new ClientUpgradeRequest();
            req.setSubProtocols(RoomUpgrade.PROTOCOL, RoomUpgrade.TOKEN_PROTOCOL_PREFIX + server.token("alice", Role.MEMBER));
            var member = new RoomClient();
            client.connect(member, URI.create("wss://localhost:" + server.app().port() + "/ws/rooms/" + TestServer.ROOM.value()), req)
                    .get(5, TimeUnit.SECONDS);
            assertTrue(member.next("snapshot").path("version").asLong() >= 0);
            member.close();
        } finally {
            client.stop();
        }
    }

    @Test void aRenewedCertificateIsServedWithoutARestart() throws Exception {
        SelfSignedCertificate renewed = SelfSignedCertificate.create(dir.resolve("renewed"), "renewed");
        Path live = dir.resolve("live");
        // certbot renews by writing new files: their modification time is what the server watches
        Files.copy(renewed.privateKey(), live.resolve("key.pem"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(renewed.certificate(), live.resolve("cert.pem"), StandardCopyOption.REPLACE_EXISTING);
        X509Certificate expected = renewed.x509();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        X509Certificate served = servedCertificate(renewed);
        while (served == null || !served.equals(expected)) {
            assertTrue(System.nanoTime() < deadline, "the renewed certificate was not served within 10 s");
            Thread.sleep(200);   // the server checks the files on its own schedule; nothing to wait on but time
            served = servedCertificate(renewed);
        }
        assertNotEquals(cert.x509(), served);
    }

    /** The certificate the server presents, or null when the handshake fails (this context trusts only one). */
    private X509Certificate servedCertificate(SelfSignedCertificate trusted) throws Exception {
        try (var socket = (SSLSocket) trusted.trustingContext().getSocketFactory().createSocket("localhost", server.app().port())) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        } catch (javax.net.ssl.SSLHandshakeException notYet) {
            return null;
        }
    }

}
