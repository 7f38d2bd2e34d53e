package org.balintcompanion.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.balintcompanion.room.RoomId;
import org.balintcompanion.support.AdminClient;
import org.balintcompanion.support.MovableClock;
import org.balintcompanion.support.TestServer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoomScheduleTest {

    @Test void aRoomOpensAQuarterOfAnHourBeforeAndEndsHoursAfterSoNothingLingers() throws Exception {
        var clock = new MovableClock(Instant.parse("2027-03-02T17:50:00Z"));
        try (TestServer server = TestServer.start(Map.of(), clock)) {
            var app = server.app();
            app.admin().sessions().ensureFirstAdmin("admin@society.example", "correct horse battery");
            var admin = new AdminClient(server);
            admin.signIn("admin@society.example", "correct horse battery");
            String g = admin.post("/api/groups", Map.of("name", "G", "timeZone", "Europe/Paris")).text("id");
            String lea = admin.post("/api/people", Map.of("displayName", "Léa", "email", "lea@example.org")).text("id");
            admin.put("/api/groups/" + g + "/roster/" + lea, Map.of("role", "LEADER"));
            // 19:30 in Paris is 18:30 UTC.
            String first = admin.post("/api/groups/" + g + "/meetings", Map.of("start", "2027-03-02T19:30", "durationMinutes", 90)).text("id");
            String second = admin.post("/api/groups/" + g + "/meetings", Map.of("start", "2027-03-09T19:30", "durationMinutes", 90)).text("id");

            app.roomSchedule().runOnce();
            assertNull(app.rooms().find(RoomId.of(first)), "40 minutes before: not yet");
            clock.set(Instant.parse("2027-03-02T18:16:00Z"));
            app.roomSchedule().runOnce();
            assertTrue(app.rooms().find(RoomId.of(first)) != null, "14 minutes before: open, people may join early");
            assertNull(app.rooms().find(RoomId.of(second)));

            clock.set(Instant.parse("2027-03-02T19:50:00Z"));   // the planned end is 20:00 UTC; a leader ends it early
            admin = new AdminClient(server);
            admin.signIn("admin@society.example", "correct horse battery");
            assertEquals(204, admin.delete("/api/meetings/" + first + "/room").status());
            app.roomSchedule().runOnce();
            assertNull(app.rooms().find(RoomId.of(first)), "a room a leader ended stays ended");

            clock.set(Instant.parse("2027-03-09T18:20:00Z"));
            app.roomSchedule().runOnce();
            assertTrue(app.rooms().find(RoomId.of(second)) != null);
            clock.set(Instant.parse("2027-03-09T20:00:00Z").plus(Duration.ofHours(4)).plusSeconds(60));
            app.roomSchedule().runOnce();
            assertNull(app.rooms().find(RoomId.of(second)), "nobody ended it: four hours after the end it ends by itself");
            assertEquals(java.util.List.of(), org.balintcompanion.support.StoredBytes.filesContaining(
                    app.config().dataDir().resolve("journal"), second), "its state is forgotten: nothing of the room is left in the journal");
        }
    }
}
