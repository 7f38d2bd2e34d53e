package org.balintcompanion.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.balintcompanion.config.AppConfig;
import org.balintcompanion.room.PhaseTemplate;
import org.balintcompanion.room.Role;
import org.balintcompanion.support.RoomClient;
import org.balintcompanion.support.TestServer;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.balintcompanion.support.RoomClient.presenceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Panels that fall behind or fall silent, on a clock the test moves: a phone that stops answering (screen locked,
 * network gone) is noticed within seconds at the default settings, one that answers is never closed, and one that
 * fell behind never goes back to an older room. No test here waits for real seconds.
 */
@Timeout(value = 40, unit = TimeUnit.SECONDS)
class SlowAndSilentPanelsTest {
    private static final Duration PING = AppConfig.Limits.defaults().pingInterval();

    private TestServer server;
    private TickedDoor door;
    private WebSocketClient ws;

    @BeforeEach void start() throws Exception {
        // A leader free of the rate limit can put a panel far behind quickly.
        server = TestServer.start(Map.of("BALINT_COMMANDS_PER_SECOND", "100000", "BALINT_COMMAND_BURST", "100000"));
        server.openRoom(PhaseTemplate.OPEN);
        // On the hand-moved clock nobody is judged slow or silent until the test moves time.
        door = new TickedDoor(server);
        ws = new WebSocketClient();
        ws.start();
    }

    @AfterEach void stop() throws Exception {
        ws.stop();
        door.close();
        server.close();
    }

    @Test void theDefaultPingIntervalIsFiveSeconds() {
        assertEquals(Duration.ofSeconds(5), PING);
        assertEquals(PING, server.app().config().limits().pingInterval(), "and the environment's default agrees");
    }

    @Test void aPanelThatAnswersEveryPingStaysConnectedIntervalAfterInterval() throws Exception {
        RoomClient bob = RoomClient.join(ws, door.roomUri(server.token("bob", Role.MEMBER)));
        for (int i = 1; i <= 6; i++) {
            door.advance(PING);
            assertTrue(bob.awaitPings(i), "ping " + i + " one interval after the last");
            bob.roundTrip();
        }
        door.advance(PING.dividedBy(2));
        assertEquals(6, bob.pings(), "one ping per interval, not more");
        assertTrue(bob.isOpen(), "answered pings keep the panel connected");
    }

    @Test void aPanelThatStopsAnsweringIsShownReconnectingWithinThirteenSeconds() throws Exception {
        RoomClient lea = RoomClient.join(ws, server.roomUri(server.token("lea", Role.LEADER)));
        try (RawPanel bob = RawPanel.open(door.port(), server.token("bob", Role.MEMBER), 64 * 1024)) {
            lea.nextMatching(f -> presenceOf(f, "bob").equals("CONNECTED"), "bob connected");
            door.advance(PING);                    // a ping bob leaves unanswered
            door.advance(PING);                    // and another: two intervals without a pong
            door.advance(Duration.ofSeconds(1));   // the next sweep closes him as too slow
            door.advance(Duration.ofSeconds(2));   // he does not answer the close either: cut off
            lea.nextMatching(f -> presenceOf(f, "bob").equals("RECONNECTING"), "bob shown reconnecting 13 s after his last answer");
        }
    }

    @Test void aPanelWhoseSendIsStuckIsClosedAndTheOthersCarryOn() throws Exception {
        // A slow-client limit well under two ping intervals, so only the stuck send can be why bob is closed.
        var d = server.app().config().limits();
        Duration slow = Duration.ofSeconds(2);
        var limits = new AppConfig.Limits(d.maxFrameBytes(), d.commandsPerSecond(), d.commandBurst(), d.outboxFrames(),
                slow, d.pingInterval(), d.idleTimeout(), d.connectionsPerMember());
        RoomClient lea = RoomClient.join(ws, server.roomUri(server.token("lea", Role.LEADER)));
        RoomClient alice = RoomClient.join(ws, server.roomUri(server.token("alice", Role.MEMBER)));
        try (TickedDoor strict = new TickedDoor(server, limits);
             RawPanel bob = RawPanel.open(strict.port(), server.token("bob", Role.MEMBER), 1024)) {
            assertEquals("snapshot", bob.nextText().path("type").asText(), "the room on joining");
            lea.nextMatching(f -> presenceOf(f, "bob").equals("CONNECTED"), "bob connected");
            putsFarBehind(lea);
            strict.advance(slow.plusSeconds(1));     // past the slow-client limit, well before two silent intervals
            strict.advance(Duration.ofSeconds(2));   // his close cannot reach him through full buffers: cut off
            JsonNode evicted = lea.nextMatching(f -> presenceOf(f, "bob").equals("RECONNECTING"), "bob closed as too slow");
            assertTrue(alice.sync().path("version").asLong() >= evicted.path("version").asLong(), "alice kept up");
        }
    }

    @Test void aStateNeverOvertakesASnapshotForAPanelThatFellBehind() throws Exception {
        RoomClient lea = RoomClient.join(ws, server.roomUri(server.token("lea", Role.LEADER)));
        try (RawPanel bob = RawPanel.open(door.port(), server.token("bob", Role.MEMBER), 1024)) {
            assertEquals("snapshot", bob.nextText().path("type").asText(), "the room on joining");
            lea.nextMatching(f -> presenceOf(f, "bob").equals("CONNECTED"), "bob connected");
            putsFarBehind(lea);   // newer states now wait behind a send to bob that cannot complete
            // He asks for the whole room; his hand, raised after, shows when the room has answered the sync.
            bob.sendText("{\"type\":\"sync\",\"id\":\"s-1\"}");
            bob.sendText("{\"type\":\"raiseHand\",\"id\":\"h-1\"}");
            lea.nextMatching(f -> "state".equals(f.path("type").asText())
                    && RoomClient.ids(f.path("room").path("queue")).contains("bob"), "bob's hand raised");
            long last = lea.ack(lea.send("raiseHandFor", "member", "dan"));

            // Bob reads again, up to the snapshot he asked for and a room at the last version.
            List<Long> versions = new ArrayList<>();
            boolean snapshot = false;
            while (!snapshot || versions.isEmpty() || versions.get(versions.size() - 1) < last) {
                JsonNode f = bob.nextText();
                assertTrue(f != null, "bob closed while catching up, after " + versions);
                String type = f.path("type").asText();
                if (!type.equals("state") && !type.equals("snapshot")) continue;
                snapshot |= type.equals("snapshot");
                long v = f.path("version").asLong();
                assertTrue(versions.isEmpty() || v >= versions.get(versions.size() - 1),
                        type + " at " + v + " after " + versions.subList(Math.max(0, versions.size() - 3), versions.size()));
                versions.add(v);
            }
            assertEquals(last, versions.get(versions.size() - 1), "bob ends where the room is");
        }
    }

    /**
     * Changes the room 600 times while bob, on a small receive buffer, reads nothing: his socket's buffers fill and
     * the server's send to him cannot complete. In batches, so lea's own answers never pile up past her outbox.
     */
    private static void putsFarBehind(RoomClient lea) throws InterruptedException {
        for (int batch = 0; batch < 30; batch++) {
            var ids = new ArrayList<String>();
            for (int i = 0; i < 20; i++) ids.add(lea.send(i % 2 == 0 ? "raiseHandFor" : "lowerHandFor", "member", "carol"));
            for (String id : ids) lea.reply(id);
        }
    }
}
