package org.balintcompanion.web;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.balintcompanion.room.PhaseTemplate;
import org.balintcompanion.room.Role;
import org.balintcompanion.support.RoomClient;
import org.balintcompanion.support.TestDatabases;
import org.balintcompanion.support.TestServer;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database that stops answering (here: a table locked by someone else) holds every ack, fills the journal's bounded
 * queue, and then members are told {@code server_busy} instead of having commands accepted without durability. Once
 * the database answers again, every held ack arrives.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalBackpressureTest {
    @Test void aStalledDatabaseMakesTheServerBusyInsteadOfAcceptingWhatItCannotSave() throws Exception {
        var pg = TestDatabases.postgres();
        Assumptions.assumeTrue(pg != null, "PostgreSQL not configured (BALINT_TEST_PG_URL)");
        var ws = new WebSocketClient();
        ws.start();
        try (var server = TestServer.start(Map.of("BALINT_DB_URL", pg.url(), "BALINT_DB_USER", pg.user(),
                "BALINT_DB_PASSWORD", pg.password(), "BALINT_JOURNAL_QUEUE", "4", "BALINT_COMMANDS_PER_SECOND", "1000",
                "BALINT_COMMAND_BURST", "1000"))) {
            server.openRoom(PhaseTemplate.OPEN);
            RoomClient alice = RoomClient.join(ws, server.roomUri(server.token("alice", Role.MEMBER)));
            alice.sync();
            var sent = new ArrayList<String>();
            try (var other = DriverManager.getConnection(pg.url(), pg.user(), pg.password())) {
                other.setAutoCommit(false);
                other.createStatement().execute("LOCK TABLE room_event IN ACCESS EXCLUSIVE MODE");
                for (int i = 0; i < 12; i++) sent.add(alice.send(i % 2 == 0 ? "raiseHand" : "lowerHand"));
                assertEquals("server_busy", alice.errorCode(sent.get(sent.size() - 1)), "the queue is full: the last one is refused");
                assertTrue(alice.seen().stream().noneMatch(f -> f.path("type").asText().equals("ack")), "nothing is acked while the database waits");
                other.rollback();
            }
            int acked = 0;
            int busy = 1;
            for (String id : sent.subList(0, sent.size() - 1)) {
                var r = alice.reply(id);
                if (r.path("type").asText().equals("ack")) acked++;
                else {
                    assertEquals("server_busy", r.path("code").asText(), r.toString());
                    busy++;
                }
            }
            assertTrue(acked >= 1 && busy >= 1, acked + " acked once the database answered, " + busy + " refused as busy");
            String after = alice.send("raiseHand");
            assertEquals("ack", alice.reply(after).path("type").asText(), "busy no more");
        } finally {
            ws.stop();
        }
    }
}
