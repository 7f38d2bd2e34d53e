package org.balintcompanion.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.balintcompanion.room.PhaseTemplate;
import org.balintcompanion.room.Role;
import org.balintcompanion.support.RoomClient;
import org.balintcompanion.support.TestServer;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.balintcompanion.support.RoomClient.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Zoom App's reports (Zoom's own hands, who is which tile) over a real socket, as the bridge sends them. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ZoomAppSocketTest {
    private TestServer server;
    private WebSocketClient ws;

    @BeforeEach void start() throws Exception {
        server = TestServer.start(Map.of());
        server.openRoom(PhaseTemplate.OPEN);
        ws = new WebSocketClient();
        ws.start();
    }

    @AfterEach void stop() throws Exception {
        ws.stop();
        server.close();
    }

    private RoomClient join(String member, Role role) throws Exception {
        return RoomClient.join(ws, server.roomUri(server.token(member, role)));
    }

    @Test void aHandRaisedInZoomJoinsTheQueueInTheFairOrderAndLoweringItInZoomRemovesIt() throws Exception {
        RoomClient lea = join("lea", Role.LEADER);
        RoomClient alice = join("alice", Role.MEMBER);
        RoomClient bob = join("bob", Role.MEMBER);
        bob.ack(bob.send("raiseHand"));
        lea.ack(lea.send("giveFloor", "member", "bob"));
        bob.ack(bob.send("endTurn"));

        bob.ack(bob.send("zoomHandRaised", "member", "bob"));
        long v = alice.ack(alice.send("zoomHandRaised", "member", "alice"));
        assertEquals(List.of("alice", "bob"), ids(lea.stateAt(v).path("room").path("queue")),
                "alice has not spoken yet: spoken-least-first puts her ahead of bob");

        long lowered = alice.ack(alice.send("zoomHandLowered", "member", "alice"));
        assertEquals(List.of("bob"), ids(lea.stateAt(lowered).path("room").path("queue")));
    }

    @Test void theHostsAppReportsAnyonesZoomHand() throws Exception {
        RoomClient lea = join("lea", Role.LEADER);
        long v = lea.ack(lea.send("zoomHandRaised", "member", "carol"));
        assertEquals(List.of("carol"), ids(lea.stateAt(v).path("room").path("queue")));
    }

    @Test void aMembersAppCannotReportAnotherPersonsHand() throws Exception {
        RoomClient alice = join("alice", Role.MEMBER);
        assertEquals("not_a_leader", alice.errorCode(alice.send("zoomHandRaised", "member", "bob")));
        assertEquals("not_a_leader", alice.errorCode(alice.send("zoomHandLowered", "member", "bob")));
        assertEquals(List.of(), ids(alice.sync().path("room").path("queue")));
    }

    @Test void anObserverCannotReportAHandNotEvenTheirOwn() throws Exception {
        RoomClient oscar = join("oscar", Role.OBSERVER);
        assertEquals("observer_read_only", oscar.errorCode(oscar.send("zoomHandRaised", "member", "oscar")));
        assertEquals("observer_read_only", oscar.errorCode(oscar.send("zoomHandRaised", "member", "bob")));
    }

    @Test void aMemberBindsTheirZoomTileAndOnlyLeadersSeeIt() throws Exception {
        RoomClient lea = join("lea", Role.LEADER);
        RoomClient bob = join("bob", Role.MEMBER);
        long v = bob.ack(bob.send("zoomParticipantBound", "member", "bob", "participantUUID", "16778240"));

        JsonNode seenByLeader = lea.stateAt(v);
        assertEquals("16778240", person(seenByLeader, "bob").path("zoomParticipant").asText());
        assertTrue(person(seenByLeader, "alice").path("zoomParticipant").isNull());
        assertFalse(person(bob.stateAt(v), "bob").has("zoomParticipant"), "members do not see Zoom ids");
    }

    @Test void aMemberCannotTakeAnotherPersonsTileButTheLeaderCanCorrectIt() throws Exception {
        RoomClient lea = join("lea", Role.LEADER);
        RoomClient bob = join("bob", Role.MEMBER);
        RoomClient alice = join("alice", Role.MEMBER);
        bob.ack(bob.send("zoomParticipantBound", "member", "bob", "participantUUID", "16778240"));

        assertEquals("zoom_participant_taken",
                alice.errorCode(alice.send("zoomParticipantBound", "member", "alice", "participantUUID", "16778240")));
        assertEquals("not_a_leader",
                alice.errorCode(alice.send("zoomParticipantBound", "member", "bob", "participantUUID", "99")));

        long v = lea.ack(lea.send("zoomParticipantBound", "member", "alice", "participantUUID", "16778240"));
        JsonNode state = lea.stateAt(v);
        assertEquals("16778240", person(state, "alice").path("zoomParticipant").asText());
        assertTrue(person(state, "bob").path("zoomParticipant").isNull());
    }

    @Test void aZoomParticipantIdWithSpacesOrControlCharactersIsRefusedByName() throws Exception {
        RoomClient bob = join("bob", Role.MEMBER);
        String id = bob.send("zoomParticipantBound", "member", "bob", "participantUUID", "a b");
        assertEquals("invalid_field", bob.errorCode(id));
        String control = bob.send("zoomParticipantBound", "member", "bob", "participantUUID", "a\u0001b");
        assertEquals("invalid_field", bob.errorCode(control));
    }

    private static JsonNode person(JsonNode frame, String id) {
        for (JsonNode p : frame.path("room").path("people")) if (p.path("id").asText().equals(id)) return p;
        throw new AssertionError("no " + id + " in " + frame);
    }
}
