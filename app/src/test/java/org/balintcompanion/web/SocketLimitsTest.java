package org.balintcompanion.web;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.balintcompanion.room.PhaseTemplate;
import org.balintcompanion.room.Role;
import org.balintcompanion.support.RoomClient;
import org.balintcompanion.support.TestServer;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Join tokens in the subprotocol header, and the limits on room sockets per address, in total and per minute. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SocketLimitsTest {
    private TestServer server;
    private WebSocketClient ws;

    private void start(Map<String, String> env) throws Exception {
        server = TestServer.start(env);
        server.openRoom(PhaseTemplate.OPEN);
        ws = new WebSocketClient();
        ws.start();
    }

    @AfterEach void stop() throws Exception {
        ws.stop();
        server.close();
    }

    private URI room() { return server.roomUri(null); }

    private ClientUpgradeRequest withToken(String member) {
        var req = new ClientUpgradeRequest();
        req.setHeader("Origin", TestServer.ORIGIN);
        req.setSubProtocols(RoomUpgrade.PROTOCOL, RoomUpgrade.TOKEN_PROTOCOL_PREFIX + server.token(member, Role.MEMBER));
        return req;
    }

    private RoomClient join(String member) throws Exception {
        var c = new RoomClient();
        ws.connect(c, room(), withToken(member)).get(5, TimeUnit.SECONDS);
        c.next("snapshot");
        return c;
    }

    private static int refusedStatus(ExecutionException e) {
        return assertInstanceOf(UpgradeException.class, e.getCause()).getResponseStatusCode();
    }

    @Test void aTokenInTheSubprotocolHeaderJoinsAndIsNeverEchoedBack() throws Exception {
        start(Map.of());
        var alice = new RoomClient();
        Session s = ws.connect(alice, room(), withToken("alice")).get(5, TimeUnit.SECONDS);
        assertEquals(RoomUpgrade.PROTOCOL, s.getUpgradeResponse().getAcceptedSubProtocol());
        assertTrue(alice.next("snapshot").path("version").asLong() >= 0);
        assertFalse(String.valueOf(s.getUpgradeResponse().getHeaders()).contains(RoomUpgrade.TOKEN_PROTOCOL_PREFIX));
        assertEquals("ack", alice.reply(alice.send("raiseHand")).path("type").asText());
    }

    @Test void theOlderQueryStringTokenStillJoins() throws Exception {
        start(Map.of());
        var bob = RoomClient.join(ws, server.roomUri(server.token("bob", Role.MEMBER)));
        assertTrue(bob.snapshotVersion() >= 0);
    }

    @Test void oneAddressOverItsShareOfSocketsIsRefusedAtOnceAndAdmittedAgainWhenOneCloses() throws Exception {
        start(Map.of("BALINT_CONNECTIONS_PER_ADDRESS", "2"));
        RoomClient alice = join("alice");
        join("bob");
        var third = ws.connect(new RoomClient(), room(), withToken("carol"));
        assertEquals(503, refusedStatus(assertThrows(ExecutionException.class, () -> third.get(5, TimeUnit.SECONDS))));
        alice.close();
        alice.awaitClose();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {   // the server learns of the close just after the client does
            try {
                join("carol");
                return;
            } catch (ExecutionException stillCounted) {
                assertTrue(System.nanoTime() < deadline, "the closed socket's place was not given back");
                Thread.sleep(50);
            }
        }
    }

    @Test void theServerTakesNoMoreThanItsTotalOfRoomSockets() throws Exception {
        start(Map.of("BALINT_MAX_CONNECTIONS", "1"));
        join("alice");
        var second = ws.connect(new RoomClient(), room(), withToken("bob"));
        assertEquals(503, refusedStatus(assertThrows(ExecutionException.class, () -> second.get(5, TimeUnit.SECONDS))));
    }

    @Test void upgradesPastTheMinutesAllowanceAreRefused() throws Exception {
        start(Map.of("BALINT_UPGRADES_PER_MINUTE", "3"));
        for (int i = 0; i < 3; i++) join("alice").close();
        var fourth = ws.connect(new RoomClient(), room(), withToken("alice"));
        assertEquals(429, refusedStatus(assertThrows(ExecutionException.class, () -> fourth.get(5, TimeUnit.SECONDS))));
    }
}
