package org.balintcompanion.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.balintcompanion.room.PhaseTemplate;
import org.balintcompanion.room.Role;
import org.balintcompanion.support.RoomClient;
import org.balintcompanion.support.TestServer;
import org.balintcompanion.wire.CommandParser;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every command type of the protocol, sent over a real socket by every role, as docs/protocol.md documents it. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WireAuthorizationMatrixTest {
    static final Set<String> PARTICIPANT_COMMANDS = Set.of("raiseHand", "lowerHand", "takeFloor", "endTurn", "pass",
            "signalCase", "signalTooMuch", "confirmChecklist");
    static final Set<String> ROLE_REFUSALS = Set.of("not_a_leader", "observer_read_only", "system_only", "role_changed",
            "not_on_roster", "invalid_field", "unknown_type");

    static Map<String, Object[]> samples() {
        var m = new LinkedHashMap<String, Object[]>();
        m.put("raiseHand", new Object[0]);
        m.put("lowerHand", new Object[0]);
        m.put("takeFloor", new Object[0]);
        m.put("endTurn", new Object[0]);
        m.put("pass", new Object[0]);
        m.put("signalCase", new Object[] {"on", true});
        m.put("signalTooMuch", new Object[] {"on", true});
        m.put("confirmChecklist", new Object[] {"item", "alone", "confirmed", true});
        m.put("raiseHandFor", new Object[] {"member", "carol"});
        m.put("lowerHandFor", new Object[] {"member", "carol"});
        m.put("lowerAllHands", new Object[0]);
        m.put("moveHand", new Object[] {"member", "carol", "to", 0});
        m.put("giveFloor", new Object[] {"member", "dan"});
        m.put("putBack", new Object[0]);
        m.put("setSeatOrder", new Object[] {"order", List.of("dan", "lea", "carol", "cole", "bob", "alice", "oscar")});
        m.put("startGoRound", new Object[0]);
        m.put("endGoRound", new Object[0]);
        m.put("setPhase", new Object[] {"phase", "WHO_HAS_A_CASE"});
        m.put("setPresenter", new Object[] {"member", "carol"});
        m.put("setSpeakingRule", new Object[] {"rule", "SPEAK_FREELY"});
        m.put("setQueuePolicy", new Object[] {"policy", "FIRST_COME"});
        m.put("setMutePolicy", new Object[] {"policy", "FLOOR_ONLY"});
        m.put("pauseQuestions", new Object[] {"paused", true});
        m.put("clearTooMuch", new Object[] {"member", "carol"});
        m.put("setAttendance", new Object[] {"member", "dan", "attendance", "PHONE"});
        // About another person: only a leader's (the host's) Zoom App; a member's own reports are in ZoomAppSocketTest
        m.put("zoomHandRaised", new Object[] {"member", "carol"});
        m.put("zoomHandLowered", new Object[] {"member", "carol"});
        m.put("zoomParticipantBound", new Object[] {"member", "carol", "participantUUID", "tile-carol"});
        return m;
    }

    @Test void everyProtocolCommandHasASample() {
        assertEquals(new CommandParser(new ObjectMapper()).commandTypes(), samples().keySet());
    }

    @Test void eachRoleIsAllowedExactlyWhatTheProtocolSays() throws Exception {
        try (TestServer server = TestServer.start()) {
            server.openRoom(PhaseTemplate.OPEN);
            var ws = new WebSocketClient();
            ws.start();
            try {
                Map<Role, RoomClient> clients = Map.of(
                        Role.LEADER, RoomClient.join(ws, server.roomUri(server.token("lea", Role.LEADER))),
                        Role.CO_LEADER, RoomClient.join(ws, server.roomUri(server.token("cole", Role.CO_LEADER))),
                        Role.MEMBER, RoomClient.join(ws, server.roomUri(server.token("bob", Role.MEMBER))),
                        Role.OBSERVER, RoomClient.join(ws, server.roomUri(server.token("oscar", Role.OBSERVER))));
                for (var entry : samples().entrySet()) {
                    for (Role role : List.of(Role.OBSERVER, Role.MEMBER, Role.CO_LEADER, Role.LEADER)) {
                        RoomClient c = clients.get(role);
                        JsonNode reply = c.reply(c.send(entry.getKey(), entry.getValue()));
                        check(entry.getKey(), role, reply);
                    }
                }
            } finally {
                ws.stop();
            }
        }
    }

    private static void check(String type, Role role, JsonNode reply) {
        String what = role + " sends " + type + " → " + reply;
        String code = reply.path("type").asText().equals("ack") ? "ack" : reply.path("code").asText();
        if (role == Role.OBSERVER && type.equals("confirmChecklist")) {
            assertFalse(ROLE_REFUSALS.contains(code), what);
        } else if (role == Role.OBSERVER) {
            assertEquals("observer_read_only", code, what);
        } else if (role == Role.MEMBER && !PARTICIPANT_COMMANDS.contains(type)) {
            assertEquals("not_a_leader", code, what);
        } else {
            assertFalse(ROLE_REFUSALS.contains(code), what);
        }
    }
}
