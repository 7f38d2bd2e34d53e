package org.balintcompanion.store;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.balintcompanion.support.RoomClient;
import org.balintcompanion.support.ServerProcess;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kill -9 under a stream of commands: every acknowledged command is still there, and none is applied twice. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CrashRecoveryTest {
    private List<String> members = List.of();

    @Test void anAcknowledgedCommandSurvivesKillNineAndARetryIsNotAppliedTwice(@TempDir Path data) throws Exception {
        int port = ServerProcess.freePort();
        Map<String, String> env = Map.of("BALINT_COMMANDS_PER_SECOND", "10000", "BALINT_COMMAND_BURST", "10000",
                "BALINT_PASSWORD_ITERATIONS", "10000",
                "BALINT_ALLOWED_ORIGINS", org.balintcompanion.support.TestServer.ORIGIN);
        var ws = new WebSocketClient();
        ws.start();
        Map<String, Long> acked = new HashMap<>();
        Map<Long, JsonNode> seenAt = new HashMap<>();
        String epochBefore;
        try (ServerProcess first = ServerProcess.start(data, port, env, "--demo")) {
            RoomClient claire = RoomClient.join(ws, leaderUri(data, port));
            JsonNode start = claire.sync();
            epochBefore = start.path("epoch").asText();
            var ids = new java.util.ArrayList<String>();
            for (JsonNode p : start.path("room").path("people")) if (p.path("role").asText().equals("MEMBER")) ids.add(p.path("id").asText());
            members = ids;
            for (int i = 0; i < 300; i++) {
                String member = members.get(i % members.size());
                claire.send((i / members.size()) % 2 == 0 ? "raiseHandFor" : "lowerHandFor", "member", member);
            }
            // Collect acks as they come and kill the server in the middle of the stream.
            for (int n = 0; n < 120; n++) {
                JsonNode ack = claire.nextMatching(f -> f.path("type").asText().equals("ack"), "an ack", RoomClient.DURABLE_WAIT);
                acked.put(ack.path("id").asText(), ack.path("version").asLong());
            }
            first.kill();
            for (JsonNode f : claire.seen()) {
                if (f.path("type").asText().equals("ack")) acked.put(f.path("id").asText(), f.path("version").asLong());
                if (f.path("type").asText().equals("state")) seenAt.put(f.path("version").asLong(), f.path("room"));
            }
        }
        long lastAcked = acked.values().stream().mapToLong(Long::longValue).max().orElseThrow();

        try (ServerProcess second = ServerProcess.start(data, port, env, "--demo")) {
            RoomClient claire = RoomClient.join(ws, leaderUri(data, port));
            JsonNode snapshot = claire.sync();
            // Claire was connected at the crash: the restart shows her reconnecting (+1), her return connected (+1).
            long restored = snapshot.path("version").asLong() - 2;
            System.out.printf("kill -9: %d commands acknowledged (last at version %d), room restored at version %d%n",
                    acked.size(), lastAcked, restored);
            assertTrue(restored >= lastAcked, "restored version " + restored + " < last acknowledged " + lastAcked);
            assertNotEquals(epochBefore, snapshot.path("epoch").asText(), "a restart starts a new epoch");
            if (seenAt.containsKey(restored)) {
                assertEquals(seenAt.get(restored).path("queue"), snapshot.path("room").path("queue"),
                        "the restored room is the one everybody saw at that version");
            }
            // Retrying every acknowledged command returns its original answer and changes nothing.
            for (var e : acked.entrySet()) {
                claire.sendWithId(e.getKey(), "raiseHandFor", "member", members.get(0));
                assertEquals(e.getValue(), claire.ack(e.getKey()), "retry of " + e.getKey());
            }
            assertEquals(snapshot.path("version").asLong(), claire.sync().path("version").asLong(), "no retry was applied again");
        } finally {
            ws.stop();
        }
    }

    private static URI leaderUri(Path data, int port) throws Exception {
        JsonNode file = new ObjectMapper().readTree(Files.readString(data.resolve("demo-links.json")));
        for (JsonNode l : file.path("links")) {
            if (l.path("role").asText().equals("LEADER")) {
                String url = l.path("url").asText();
                return URI.create("ws://127.0.0.1:" + port + "/ws/rooms/" + file.path("room").asText() + "?token="
                        + url.substring(url.indexOf("#token=") + 7));
            }
        }
        throw new AssertionError("no leader link");
    }
}
