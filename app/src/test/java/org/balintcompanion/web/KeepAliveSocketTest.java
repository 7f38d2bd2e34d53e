package org.balintcompanion.web;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

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
 * The keep-alive at the default settings, on a clock the test moves: a phone that stops answering (screen locked,
 * network gone) is noticed within seconds, one that answers is never closed. No test here waits for real seconds.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class KeepAliveSocketTest {
    private static final Duration PING = AppConfig.Limits.defaults().pingInterval();

    private TestServer server;
    private TickedDoor door;
    private WebSocketClient ws;

    @BeforeEach void start() throws Exception {
        server = TestServer.start();
        server.openRoom(PhaseTemplate.OPEN);
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
}
