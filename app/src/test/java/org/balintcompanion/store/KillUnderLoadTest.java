package org.balintcompanion.store;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.balintcompanion.support.RoomClient;
import org.balintcompanion.support.ServerProcess;
import org.balintcompanion.support.TestServer;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded default under load from ten panels, killed with SIGKILL three times in a row: after each restart every
 * acknowledged command is still there (its retry is answered with its original version, not applied anew), and every
 * command that was sent but not acknowledged is applied at most once however often it is retried.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class KillUnderLoadTest {
    private static final int KILLS = 3;
    private static final int PER_PANEL = 20;
    private static final Map<String, String> ENV = Map.of("BALINT_COMMANDS_PER_SECOND", "10000", "BALINT_COMMAND_BURST", "10000",
            "BALINT_PASSWORD_ITERATIONS", "10000", "BALINT_ALLOWED_ORIGINS", TestServer.ORIGIN);

    /** One panel's stream: what it sent and what it was told. */
    private record Panel(URI uri, boolean leads, Map<String, Long> acked, List<String> sent) {}

    @Test void killNineUnderLoadLosesNoAcknowledgedCommandAndAppliesNoneTwice(@TempDir Path data) throws Exception {
        int port = ServerProcess.freePort();
        var ws = new WebSocketClient();
        ws.start();
        List<Panel> previous = List.of();
        int totalAcked = 0;
        try {
            for (int kill = 0; kill <= KILLS; kill++) {
                try (ServerProcess server = ServerProcess.start(data, port, ENV, "--demo")) {
                    if (!previous.isEmpty()) totalAcked += verifyAfterRestart(ws, previous);
                    if (kill == KILLS) break;
                    previous = loadAndKill(ws, server, panels(data, port), "k" + kill + "-");
                }
            }
        } finally {
            ws.stop();
        }
        System.out.printf("kill -9 under load: %d kills, %d acknowledged commands checked, none lost, none applied twice%n", KILLS, totalAcked);
        assertTrue(totalAcked >= KILLS * 40, "enough acknowledged commands were checked: " + totalAcked);
    }

    private static List<Panel> loadAndKill(WebSocketClient ws, ServerProcess server, List<Panel> panels, String prefix) throws Exception {
        var clients = new ArrayList<RoomClient>();
        for (Panel p : panels) clients.add(RoomClient.join(ws, p.uri()));
        List<String> members = members(clients.get(0).sync());
        var acks = new AtomicInteger();
        var go = new CountDownLatch(1);
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < panels.size(); i++) {
            Panel p = panels.get(i);
            RoomClient c = clients.get(i);
            String me = prefix + "p" + i + "-";
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                    for (int n = 0; n < PER_PANEL; n++) {
                        String id = me + n;
                        synchronized (p.sent()) { p.sent().add(id); }
                        send(c, p, id, members, n);
                        Thread.sleep(4);   // a steady stream, not a burst: the kill must fall in the middle of it
                    }
                } catch (InterruptedException | RuntimeException stopped) {
                    // the server was killed under us
                }
            }));
        }
        go.countDown();
        // Kill once a good part of the stream is acknowledged and much of it is still in flight.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (acks.get() < panels.size() * PER_PANEL / 3 && System.nanoTime() < deadline) {
            acks.set(clients.stream().mapToInt(c -> (int) c.seen().stream().filter(f -> f.path("type").asText().equals("ack")).count()).sum());
            Thread.sleep(1);
        }
        server.kill();
        for (Thread t : threads) t.join(5000);
        for (int i = 0; i < panels.size(); i++) {
            for (JsonNode f : clients.get(i).seen()) {
                if (f.path("type").asText().equals("ack")) panels.get(i).acked().put(f.path("id").asText(), f.path("version").asLong());
            }
        }
        return panels;
    }

    /** Absolute commands, so a retry means the same thing whatever happened in between. */
    private static void send(RoomClient c, Panel p, String id, List<String> members, int n) {
        if (p.leads()) c.sendWithId(id, n % 2 == 0 ? "raiseHandFor" : "lowerHandFor", "member", members.get(n % members.size()));
        else c.sendWithId(id, n % 2 == 0 ? "raiseHand" : "lowerHand");
    }

    private static int verifyAfterRestart(WebSocketClient ws, List<Panel> panels) throws Exception {
        int checked = 0;
        List<String> members = null;
        for (Panel p : panels) {
            RoomClient c = RoomClient.join(ws, p.uri());
            if (members == null) members = members(c.sync());
            for (var e : p.acked().entrySet()) {
                c.sendWithId(e.getKey(), "lowerHand");
                JsonNode r = c.reply(e.getKey(), RoomClient.DURABLE_WAIT);
                assertEquals("ack", r.path("type").asText(), "acknowledged " + e.getKey() + " answered again: " + r);
                assertEquals(e.getValue().longValue(), r.path("version").asLong(), "acknowledged " + e.getKey() + " was lost or applied again");
                checked++;
            }
            for (String id : p.sent()) {
                if (p.acked().containsKey(id)) continue;
                int n = Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
                send(c, p, id, members, n);
                JsonNode first = c.reply(id, RoomClient.DURABLE_WAIT);
                c.drain();
                send(c, p, id, members, n);
                JsonNode again = c.reply(id, RoomClient.DURABLE_WAIT);
                assertEquals(first, again, "an unacknowledged " + id + " is applied at most once however often it is retried");
            }
            c.close();
        }
        return checked;
    }

    private static List<String> members(JsonNode snapshot) {
        var ids = new ArrayList<String>();
        for (JsonNode p : snapshot.path("room").path("people")) if (p.path("role").asText().equals("MEMBER")) ids.add(p.path("id").asText());
        return ids;
    }

    /** The demo's two leaders and eight members, each with their own link. */
    private static List<Panel> panels(Path data, int port) throws Exception {
        JsonNode file = new ObjectMapper().readTree(Files.readString(data.resolve("demo-links.json")));
        var out = new ArrayList<Panel>();
        for (JsonNode l : file.path("links")) {
            String role = l.path("role").asText();
            if (role.equals("OBSERVER")) continue;
            String url = l.path("url").asText();
            URI uri = URI.create("ws://127.0.0.1:" + port + "/ws/rooms/" + file.path("room").asText() + "?token="
                    + url.substring(url.indexOf("#token=") + 7));
            out.add(new Panel(uri, !role.equals("MEMBER"), new ConcurrentHashMap<>(), new ArrayList<>()));
        }
        assertEquals(10, out.size(), "two leaders and eight members");
        return out;
    }

}
