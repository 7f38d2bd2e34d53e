package org.balintcompanion.web;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.balintcompanion.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An upgrade refused over HTTP (a foreign Origin, a limit) closes its connection with the answer: a flood of refused
 * upgrades must not sit on open connections until Jetty's idle timeout (30 s) ends them.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RefusedUpgradeTest {
    private TestServer server;

    @BeforeEach void start() throws Exception { server = TestServer.start(); }

    @AfterEach void stop() throws Exception { server.close(); }

    @Test void anUpgradeFromAForeignOriginIsAnsweredAndItsConnectionClosedAtOnce() throws Exception {
        try (var raw = new Socket("127.0.0.1", server.app().port())) {
            raw.setSoTimeout(45_000);
            raw.getOutputStream().write(("GET /ws/rooms/r1 HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://evil.example\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = raw.getInputStream();
            var answer = new StringBuilder();
            long start = System.nanoTime();
            for (int b = in.read(); b != -1; b = in.read()) answer.append((char) b);   // until the server closes
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(answer.toString().startsWith("HTTP/1.1 403"), answer.toString());
            assertTrue(millis < 5_000, "the connection stayed open " + millis + " ms after the refusal");
        }
    }
}
