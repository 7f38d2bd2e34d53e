package org.balintcompanion.web;

import java.util.ArrayList;
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

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LiveRoomSocketTest {
    private TestServer server;
    private WebSocketClient ws;

    @BeforeEach void start() throws Exception {
        server = TestServer.start(Map.of("BALINT_RECONNECT_GRACE_SECONDS", "1"));
        server.openRoom(PhaseTemplate.PUSH_BACK_TEMPLATE);
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

    @Test void aMembersRaisedHandReachesEveryClientWithTheSameVersion() throws Exception {
        RoomClient lea = join("lea", Role.LEADER);
        RoomClient alice = join("alice", Role.MEMBER);
        RoomClient bob = join("bob", Role.MEMBER);
        RoomClient oscar = join("oscar", Role.OBSERVER);

        String id = alice.send("raiseHand");
        long version = alice.ack(id);

        for (RoomClient c : List.of(lea, alice, bob, oscar)) {
            JsonNode state = c.stateAt(version);
            assertEquals(version, state.path("version").asLong());
            assertEquals(List.of("alice"), ids(state.path("room").path("queue")));
        }
    }

    @Test void theLeaderGivesTheFloorAndTheHandLeavesTheQueue() throws Exception {
        RoomClient lea = join("lea", Role.LEADER);
        RoomClient alice = join("alice", Role.MEMBER);
        alice.ack(alice.send("raiseHand"));
        long v = lea.ack(lea.send("giveFloor"));

        JsonNode room = alice.stateAt(v).path("room");
        assertEquals("alice", room.path("floor").path("member").asText());
        assertEquals(List.of(), ids(room.path("queue")));
        assertTrue(ids(room.path("unmuteInvited")).contains("alice"), "the floor holder is invited to unmute");
    }

    @Test void pushBackStopsThePresenterFromQueuing() throws Exception {
        RoomClient lea = join("lea", Role.LEADER);
        RoomClient alice = join("alice", Role.MEMBER);
        lea.ack(lea.send("setPhase", "phase", "WHO_HAS_A_CASE"));
        lea.ack(lea.send("setPresenter", "member", "alice"));
        for (String phase : List.of("TELLING", "FACTUAL_QUESTIONS", "PUSH_BACK")) lea.ack(lea.send("setPhase", "phase", phase));

        assertEquals("presenter_is_listening", alice.errorCode(alice.send("raiseHand")));
        JsonNode room = alice.sync().path("room");
        assertEquals("PUSH_BACK", room.path("phase").path("name").asText());
        JsonNode aliceRow = find(room.path("people"), "alice");
        assertTrue(aliceRow.path("listening").asBoolean());
    }

    /**
     * Every client sees versions in increasing order, ends at the same version, and wherever two clients saw the same
     * version they saw the same room. A client that is behind may skip versions (a newer whole-room frame replaces
     * an unsent older one), never reorder them.
     */
    @Test void leaderAndMembersSeeTheSameRoomAtEachVersionInTheSameOrder() throws Exception {
        RoomClient lea = join("lea", Role.LEADER);
        List<RoomClient> members = new ArrayList<>();
        for (String m : List.of("alice", "bob", "carol", "dan")) members.add(join(m, Role.MEMBER));
        long baseline = members.get(3).snapshotVersion();

        List<String> ids = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (RoomClient m : members) ids.add(m.send("raiseHand"));
            for (RoomClient m : members) ids.add(m.send("lowerHand"));
        }
        long last = 0;
        for (int i = 0; i < ids.size(); i++) last = Math.max(last, members.get(i % 4).ack(ids.get(i)));
        assertEquals(baseline + 40, last, "one version per accepted change");
        long marker = lea.ack(lea.send("raiseHandFor", "member", "alice"));   // a last change marks the end of the burst

        var queueAt = new java.util.HashMap<Long, JsonNode>();
        for (RoomClient c : members.subList(0, 4)) c.stateAt(marker);
        lea.stateAt(marker);
        List<RoomClient> everyone = new ArrayList<>(members);
        everyone.add(lea);
        for (RoomClient c : everyone) {
            long previous = baseline;
            for (JsonNode f : c.seen()) {
                if (!f.path("type").asText().equals("state")) continue;
                long v = f.path("version").asLong();
                if (v <= baseline) continue;
                assertTrue(v > previous, "versions only grow for every client");
                previous = v;
                JsonNode queue = f.path("room").path("queue");
                JsonNode other = queueAt.putIfAbsent(v, queue);
                if (other != null) assertEquals(other, queue, "the same room at version " + v + " for everyone");
            }
            assertEquals(marker, previous, "everyone ends at the last version");
        }
    }

    @Test void membersNeverSeeLeaderOnlyData() throws Exception {
        RoomClient lea = join("lea", Role.LEADER);
        RoomClient alice = join("alice", Role.MEMBER);
        RoomClient bob = join("bob", Role.MEMBER);
        long v = alice.ack(alice.send("signalCase", "on", true));
        alice.ack(alice.send("confirmChecklist", "item", "alone", "confirmed", true));

        JsonNode leaderView = lea.stateAt(v).path("room");
        assertEquals(List.of("alice"), ids(leaderView.path("signals").path("hasCase")));
        assertTrue(find(leaderView.path("people"), "alice").has("turns"));

        JsonNode bobView = bob.stateAt(v + 1).path("room");
        assertFalse(bobView.has("signals"), "private signals are for leaders only");
        assertFalse(find(bobView.path("people"), "alice").has("confirmed"), "members do not see others' checklists");
        assertFalse(find(bobView.path("people"), "alice").has("turns"));

        JsonNode you = alice.next("you").path("you");
        assertTrue(you.path("hasCase").asBoolean());
        assertTrue(bob.seen().stream().noneMatch(f -> f.path("type").asText().equals("you")), "nobody gets another's private frame");
    }

    @Test void aRetriedCommandIdIsAppliedOnce() throws Exception {
        RoomClient lea = join("lea", Role.LEADER);
        RoomClient alice = join("alice", Role.MEMBER);
        lea.ack(lea.send("raiseHandFor", "member", "bob"));
        long first = lea.ack(sendId(lea, "same-id", "giveFloor"));
        lea.sendWithId("same-id", "giveFloor");
        assertEquals(first, lea.ack("same-id"), "the retry gets the original answer");
        JsonNode room = lea.sync();
        assertEquals(first, room.path("version").asLong(), "nothing was applied twice");
        assertEquals("bob", room.path("room").path("floor").path("member").asText());
    }

    @Test void aCommandBasedOnAnOldVersionIsRefusedAsStale() throws Exception {
        RoomClient lea = join("lea", Role.LEADER);
        RoomClient alice = join("alice", Role.MEMBER);
        long seen = alice.ack(alice.send("raiseHand"));
        alice.ack(alice.send("lowerHand"));
        assertEquals("stale_version", lea.errorCode(lea.send("giveFloor", "member", "alice", "expectedVersion", seen)));
    }

    @Test void aMemberWhoReconnectsWithinTheGracePeriodKeepsTheirHand() throws Exception {
        RoomClient lea = join("lea", Role.LEADER);
        RoomClient alice = join("alice", Role.MEMBER);
        alice.ack(alice.send("raiseHand"));
        alice.close();
        lea.nextMatching(f -> f.path("type").asText().equals("state")
                && find(f.path("room").path("people"), "alice").path("presence").asText().equals("RECONNECTING"), "alice reconnecting");

        RoomClient back = join("alice", Role.MEMBER);
        JsonNode room = back.sync().path("room");
        assertEquals(List.of("alice"), ids(room.path("queue")));
        assertEquals("CONNECTED", find(room.path("people"), "alice").path("presence").asText());
    }

    @Test void aMemberWhoDoesNotComeBackIsGoneAndTheirHandIsLowered() throws Exception {
        RoomClient lea = join("lea", Role.LEADER);
        RoomClient alice = join("alice", Role.MEMBER);
        alice.ack(alice.send("raiseHand"));
        alice.close();
        JsonNode gone = lea.nextMatching(f -> f.path("type").asText().equals("state")
                && find(f.path("room").path("people"), "alice").path("presence").asText().equals("GONE"), "alice gone");
        assertEquals(List.of(), ids(gone.path("room").path("queue")));
    }

    @Test void aRoomWhoseMemberTimedOutComesBackExactlyAfterARestart() throws Exception {
        RoomClient lea = join("lea", Role.LEADER);
        RoomClient alice = join("alice", Role.MEMBER);
        alice.ack(alice.send("raiseHand"));
        alice.close();
        JsonNode gone = lea.nextMatching(f -> f.path("type").asText().equals("state")
                && find(f.path("room").path("people"), "alice").path("presence").asText().equals("GONE"), "alice gone");
        // The replay decides the grace expiry again with the journal's timestamps: it must give the same room.
        server = server.restart(Map.of("BALINT_RECONNECT_GRACE_SECONDS", "1"), java.time.Clock.systemUTC());
        JsonNode room = join("lea", Role.LEADER).sync().path("room");
        assertEquals("GONE", find(room.path("people"), "alice").path("presence").asText());
        assertEquals(ids(gone.path("room").path("queue")), ids(room.path("queue")));
    }

    @Test void aSecondPanelOfTheSamePersonSharesTheirPresence() throws Exception {
        RoomClient lea = join("lea", Role.LEADER);
        RoomClient phone = join("alice", Role.MEMBER);
        RoomClient laptop = join("alice", Role.MEMBER);
        phone.close();
        laptop.ack(laptop.send("raiseHand"));
        JsonNode room = lea.sync().path("room");
        assertEquals("CONNECTED", find(room.path("people"), "alice").path("presence").asText());
    }

    @Test void coLeadersShareABackchannelThatMembersNeverSeeAndNothingStores() throws Exception {
        RoomClient lea = join("lea", Role.LEADER);
        RoomClient cole = join("cole", Role.CO_LEADER);
        RoomClient alice = join("alice", Role.MEMBER);
        String note = "Alice semble tendue, proposer une pause ?";
        lea.ack(lea.send("backchannel", "text", note));
        JsonNode received = cole.next("backchannel");
        assertEquals(note, received.path("notes").get(0).path("text").asText());
        assertEquals("Léa", received.path("notes").get(0).path("name").asText());
        assertEquals("not_a_leader", alice.errorCode(alice.send("backchannel", "text", "hello")));
        assertTrue(alice.seen().stream().noneMatch(f -> f.path("type").asText().equals("backchannel")));

        RoomClient coleAgain = join("cole", Role.CO_LEADER);
        assertEquals(note, coleAgain.next("backchannel").path("notes").get(0).path("text").asText(), "kept in memory for a reconnect");
        alice.ack(alice.send("raiseHand"));   // one more change journaled after the note
        assertEquals(java.util.List.of(), org.balintcompanion.support.StoredBytes.filesContaining(server.app().config().dataDir(), "tendue"),
                "the backchannel is never written anywhere: journal, database or log");
    }

    @Test void aBackchannelNoteResentAfterAReconnectIsRelayedOnce() throws Exception {
        RoomClient lea = join("lea", Role.LEADER);
        RoomClient cole = join("cole", Role.CO_LEADER);
        lea.sendWithId("note-1", "backchannel", "text", "Pause dans cinq minutes ?");
        long first = lea.ack("note-1");
        assertEquals("Pause dans cinq minutes ?", cole.next("backchannel").path("notes").get(0).path("text").asText());

        lea.close();   // the ack was lost with the connection, so the page sends the note again with the same id
        RoomClient back = join("lea", Role.LEADER);
        back.sendWithId("note-1", "backchannel", "text", "Pause dans cinq minutes ?");
        assertEquals(first, back.ack("note-1"), "the resent note gets its first answer");
        back.ack(back.send("backchannel", "text", "Second note"));
        assertEquals("Second note", cole.next("backchannel").path("notes").get(0).path("text").asText(),
                "the next note cole receives is the new one: the resent one was not relayed again");
        back.drain();
        RoomClient coleAgain = join("cole", Role.CO_LEADER);
        assertEquals(2, coleAgain.next("backchannel").path("notes").size(), "kept once");
    }

    private static String sendId(RoomClient c, String id, String type) {
        c.sendWithId(id, type);
        return id;
    }

    static JsonNode find(JsonNode people, String id) {
        for (JsonNode p : people) if (p.path("id").asText().equals(id)) return p;
        throw new AssertionError(id + " not in " + people);
    }
}
