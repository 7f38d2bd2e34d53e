package org.balintcompanion.store;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.balintcompanion.live.CloseCodes;
import org.balintcompanion.support.RoomClient;
import org.balintcompanion.support.ServerProcess;
import org.balintcompanion.support.TestServer;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** SIGTERM (systemd, Ctrl-C): panels are told to come back (4001), and everything acknowledged is written before the end. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ShutdownTest {
    private static final Map<String, String> ENV = Map.of("BALINT_COMMANDS_PER_SECOND", "10000", "BALINT_COMMAND_BURST", "10000",
            "BALINT_PASSWORD_ITERATIONS", "10000", "BALINT_ALLOWED_ORIGINS", TestServer.ORIGIN);

    @Test void aStopDuringCommandsTellsPanelsToComeBackAndLosesNothing(@TempDir Path data) throws Exception {
        int port = ServerProcess.freePort();
        var ws = new WebSocketClient();
        ws.start();
        var acked = new HashMap<String, Long>();
        try {
            String log;
            try (ServerProcess server = ServerProcess.start(data, port, ENV, "--demo")) {
                RoomClient leader = RoomClient.join(ws, link(data, port, "LEADER"));
                RoomClient member = RoomClient.join(ws, link(data, port, "MEMBER"));
                leader.sync();
                for (int i = 0; i < 200; i++) member.sendWithId("m" + i, i % 2 == 0 ? "raiseHand" : "lowerHand");
                member.reply("m20", RoomClient.DURABLE_WAIT);
                int exit = server.stop();   // 143: the JVM ends with 128 + SIGTERM once its shutdown hook has run
                assertEquals(143, exit, "stopped by its shutdown hook");
                assertEquals(CloseCodes.SERVER_RESTART, member.awaitClose(), "told to come back, not cut off (1006)");
                assertEquals(CloseCodes.SERVER_RESTART, leader.awaitClose());
                for (JsonNode f : member.seen()) if (f.path("type").asText().equals("ack")) acked.put(f.path("id").asText(), f.path("version").asLong());
                log = Files.readString(server.log());
            }
            assertFalse(log.contains("already closed") || log.contains("cannot write room changes") || log.contains("ERROR"), log);

            try (ServerProcess again = ServerProcess.start(data, port, ENV, "--demo")) {
                RoomClient member = RoomClient.join(ws, link(data, port, "MEMBER"));
                for (var e : acked.entrySet()) {
                    member.sendWithId(e.getKey(), "lowerHand");
                    assertEquals(e.getValue().longValue(), member.reply(e.getKey(), RoomClient.DURABLE_WAIT).path("version").asLong(), "acknowledged before the stop: " + e.getKey());
                }
            }
        } finally {
            ws.stop();
        }
    }

    private static URI link(Path data, int port, String role) throws Exception {
        JsonNode file = new ObjectMapper().readTree(Files.readString(data.resolve("demo-links.json")));
        for (JsonNode l : file.path("links")) {
            if (l.path("role").asText().equals(role)) {
                String url = l.path("url").asText();
                return URI.create("ws://127.0.0.1:" + port + "/ws/rooms/" + file.path("room").asText() + "?token="
                        + url.substring(url.indexOf("#token=") + 7));
            }
        }
        throw new AssertionError("no " + role + " link");
    }
}
