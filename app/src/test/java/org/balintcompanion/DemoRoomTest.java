package org.balintcompanion;

import java.net.URI;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.balintcompanion.support.RoomClient;
import org.balintcompanion.support.TestServer;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class DemoRoomTest {

    @Test void aRestartFindsTheDemoGroupInsteadOfMakingANewOne() throws Exception {
        try (TestServer server = TestServer.start()) {
            var first = DemoRoom.open(server.app(), java.time.Clock.systemUTC());
            var again = DemoRoom.open(server.app(), java.time.Clock.systemUTC());
            assertEquals(1, server.app().admin().groups().visibleTo(
                    new org.balintcompanion.admin.Account("t", "t", org.balintcompanion.admin.Account.Kind.ADMIN, null)).size());
            assertEquals(first.get(0).personId(), again.get(0).personId());
        }
    }

    @Test void theDemoHasTwoLeadersEightMembersAndAnObserverWithWorkingLinks() throws Exception {
        try (TestServer server = TestServer.start()) {
            DemoRoom.open(server.app(), java.time.Clock.systemUTC());
            JsonNode file = new ObjectMapper().readTree(
                    Files.readString(server.app().config().dataDir().resolve("demo-links.json")));
            JsonNode links = file.path("links");
            assertEquals(11, links.size());
            long leaders = 0, members = 0, observers = 0;
            for (JsonNode l : links) {
                switch (l.path("role").asText()) {
                    case "LEADER", "CO_LEADER" -> leaders++;
                    case "MEMBER" -> members++;
                    case "OBSERVER" -> observers++;
                    default -> throw new AssertionError(l.toString());
                }
            }
            assertEquals(2, leaders);
            assertEquals(8, members);
            assertEquals(1, observers);

            String url = links.get(1).path("url").asText();
            assertTrue(url.contains("/join/#token="), url);
            String token = url.substring(url.indexOf("#token=") + 7);
            var ws = new WebSocketClient();
            ws.start();
            try {
                RoomClient member = RoomClient.join(ws, server.roomUri(file.path("room").asText(), token));
                long v = member.ack(member.send("raiseHand"));
                assertEquals(v, member.stateAt(v).path("version").asLong());
            } finally {
                ws.stop();
            }
        }
    }
}
