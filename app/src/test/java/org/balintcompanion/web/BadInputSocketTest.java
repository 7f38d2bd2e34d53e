package org.balintcompanion.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.balintcompanion.auth.RoomTokens;
import org.balintcompanion.config.Secret;
import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.PhaseTemplate;
import org.balintcompanion.room.Role;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.support.RoomClient;
import org.balintcompanion.support.TestServer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of bad input gets a clear error or a documented close code, and the room stays exactly as it was. */
@Timeout(value = 40, unit = TimeUnit.SECONDS)
class BadInputSocketTest {
    private TestServer server;
    private WebSocketClient ws;
    private RoomClient lea;
    private JsonNode before;

    @BeforeEach void start() throws Exception {
        server = TestServer.start(Map.of("BALINT_SLOW_CLIENT_SECONDS", "1"));
        server.openRoom(PhaseTemplate.OPEN);
        ws = new WebSocketClient();
        ws.start();
        lea = RoomClient.join(ws, server.roomUri(server.token("lea", Role.LEADER)));
        lea.ack(lea.send("raiseHandFor", "member", "alice"));
        before = lea.sync();
    }

    @AfterEach void stop() throws Exception {
        ws.stop();
        server.close();
    }

    /** Bob joins; his arrival is a change of presence, so the baseline is taken after it. */
    private RoomClient member() throws Exception {
        RoomClient bob = RoomClient.join(ws, server.roomUri(server.token("bob", Role.MEMBER)));
        before = lea.stateAt(bob.snapshotVersion());
        return bob;
    }

    /** Everything but presence (a refused client may be closed, which others see) is exactly as before. */
    private void assertRoomUnchanged() throws InterruptedException {
        JsonNode now = lea.sync();
        assertEquals(withoutPresence(before.path("room")), withoutPresence(now.path("room")), "the room did not change");
        assertEquals(List.of("alice"), RoomClient.ids(now.path("room").path("queue")));
    }

    private static JsonNode withoutPresence(JsonNode room) {
        var copy = room.deepCopy();
        copy.path("people").forEach(p -> ((com.fasterxml.jackson.databind.node.ObjectNode) p).remove("presence"));
        return copy;
    }

    private static JsonNode nextError(RoomClient c) throws InterruptedException { return c.next("error"); }

    @Test void malformedJsonGetsAClearErrorAndChangesNothing() throws Exception {
        RoomClient bob = member();
        bob.sendRaw("{\"type\": \"raiseHand\", ");
        JsonNode e = nextError(bob);
        assertEquals("bad_json", e.path("code").asText());
        assertTrue(e.path("id").isNull());
        bob.sendRaw("[1,2,3]");
        assertEquals("bad_json", nextError(bob).path("code").asText());
        assertRoomUnchanged();
    }

    @Test void anUnknownMessageTypeIsNamedInTheError() throws Exception {
        RoomClient bob = member();
        String id = bob.send("dropTable");
        JsonNode e = bob.reply(id);
        assertEquals("unknown_type", e.path("code").asText());
        assertTrue(e.path("message").asText().contains("dropTable"));
        assertRoomUnchanged();
    }

    @Test void missingOrWronglyTypedFieldsNameTheField() throws Exception {
        String id = lea.send("moveHand", "member", "alice");
        JsonNode e = lea.reply(id);
        assertEquals("invalid_field", e.path("code").asText());
        assertTrue(e.path("message").asText().contains("'to'"), e.toString());

        id = lea.send("giveFloor", "member", 42);
        assertTrue(lea.reply(id).path("message").asText().contains("'member'"));
        id = lea.send("setPhase", "phase", "LUNCH");
        assertTrue(lea.reply(id).path("message").asText().contains("WHO_HAS_A_CASE"));
        id = lea.send("signalCase", "on", "yes");
        assertEquals("invalid_field", lea.reply(id).path("code").asText());
        assertRoomUnchanged();
    }

    @Test void aCommandWithoutAnIdIsRefused() throws Exception {
        lea.sendRaw("{\"type\":\"lowerAllHands\"}");
        JsonNode e = nextError(lea);
        assertEquals("invalid_field", e.path("code").asText());
        assertTrue(e.path("message").asText().contains("'id'"));
        assertRoomUnchanged();
    }

    @Test void aCommandTheRoleMayNotSendIsRefused() throws Exception {
        RoomClient bob = member();
        assertEquals("not_a_leader", bob.errorCode(bob.send("lowerAllHands")));
        RoomClient oscar = RoomClient.join(ws, server.roomUri(server.token("oscar", Role.OBSERVER)));
        assertEquals("observer_read_only", oscar.errorCode(oscar.send("raiseHand")));
        assertRoomUnchanged();
    }

    @Test void anOversizedFrameClosesTheSocketWithMessageTooBig() throws Exception {
        RoomClient bob = member();
        bob.sendRaw("{\"type\":\"raiseHand\",\"id\":\"" + "x".repeat(20_000) + "\"}");
        assertEquals(1009, bob.awaitClose());
        assertRoomUnchanged();
    }

    @Test void aBinaryFrameIsRefused() throws Exception {
        RoomClient bob = member();
        bob.session().sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), Callback.NOOP);
        assertEquals("bad_json", nextError(bob).path("code").asText());
        assertRoomUnchanged();
    }

    @Test void aMissingTokenIsRefusedWithAReason() throws Exception {
        RoomClient c = RoomClient.connect(ws, server.roomUri(null), TestServer.ORIGIN);
        assertEquals("token_invalid", c.next("error").path("code").asText());
        assertEquals(4501, c.awaitClose());
    }

    @Test void aForgedTokenIsRefused() throws Exception {
        var otherKey = new RoomTokens(new Secret(new byte[32]), Clock.systemUTC());
        String forged = otherKey.issue(TestServer.ROOM, MemberId.of("lea"), Role.LEADER, Duration.ofHours(1));
        RoomClient c = RoomClient.connect(ws, server.roomUri(forged), TestServer.ORIGIN);
        assertEquals("token_invalid", c.next("error").path("code").asText());
        assertEquals(4501, c.awaitClose());
        assertRoomUnchanged();
    }

    @Test void aTamperedTokenIsRefused() throws Exception {
        String token = server.token("bob", Role.MEMBER);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("MEMBER", "LEADER");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        RoomClient c = RoomClient.connect(ws, server.roomUri(tampered), TestServer.ORIGIN);
        assertEquals(4501, c.awaitClose());
    }

    @Test void anExpiredTokenSaysSo() throws Exception {
        var yesterday = new RoomTokens(server.app().config().tokenKey(),
                Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC));
        String expired = yesterday.issue(TestServer.ROOM, MemberId.of("bob"), Role.MEMBER, Duration.ofHours(1));
        RoomClient c = RoomClient.connect(ws, server.roomUri(expired), TestServer.ORIGIN);
        assertEquals("token_expired", c.next("error").path("code").asText());
        assertEquals(4502, c.awaitClose());
    }

    @Test void aTokenForAnotherRoomIsRefused() throws Exception {
        String forR2 = server.app().tokens().issue(RoomId.of("r2"), MemberId.of("lea"), Role.LEADER, Duration.ofHours(1));
        RoomClient c = RoomClient.connect(ws, server.roomUri(forR2), TestServer.ORIGIN);
        assertEquals(4501, c.awaitClose());
        RoomClient unknownRoom = RoomClient.connect(ws, server.roomUri("r2", forR2), TestServer.ORIGIN);
        assertEquals("room_unknown", unknownRoom.next("error").path("code").asText());
        assertEquals(4504, unknownRoom.awaitClose());
    }

    @Test void aTokenForSomeoneOffTheRosterIsRefused() throws Exception {
        String stranger = server.app().tokens().issue(TestServer.ROOM, MemberId.of("mallory"), Role.MEMBER, Duration.ofHours(1));
        RoomClient c = RoomClient.connect(ws, server.roomUri(stranger), TestServer.ORIGIN);
        assertEquals(4501, c.awaitClose());
        assertRoomUnchanged();
    }

    @Test void aPageFromAnotherOriginCannotOpenTheRoom() {
        var e = assertThrows(ExecutionException.class,
                () -> RoomClient.connect(ws, server.roomUri(server.token("lea", Role.LEADER)), "https://evil.example"));
        assertTrue(e.getCause().getMessage().contains("403"), e.getCause().getMessage());
    }

    @Test void everyRateLimitedCommandIsAnsweredOnceWithItsOwnId() throws Exception {
        RoomClient bob = member();
        var sent = new java.util.ArrayList<String>();
        for (int i = 0; i < 80; i++) sent.add(bob.send(i % 2 == 0 ? "raiseHand" : "lowerHand"));
        int limited = 0;
        for (String id : sent) {
            JsonNode answer = bob.reply(id);
            if ("rate_limited".equals(answer.path("code").asText())) limited++;
        }
        assertTrue(limited > 0, "a burst past the limit is refused");
        long answers = bob.seen().stream().filter(f -> f.path("type").asText().equals("ack")
                || f.path("type").asText().equals("error")).count();
        assertEquals(sent.size(), answers, "one answer per command, none without an id");
    }

    @Test void binaryFramesCountAgainstTheRateLimit() throws Exception {
        try (TestServer strict = TestServer.start(Map.of("BALINT_COMMANDS_PER_SECOND", "1", "BALINT_COMMAND_BURST", "3"))) {
            strict.openRoom(PhaseTemplate.OPEN);
            RoomClient bob = RoomClient.join(ws, strict.roomUri(strict.token("bob", Role.MEMBER)));
            for (int i = 0; i < 3; i++) bob.session().sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), Callback.NOOP);
            assertEquals("rate_limited", bob.errorCode(bob.send("raiseHand")), "the burst was spent on binary frames");
        }
    }

    @Test void aFloodOfBinaryFramesIsClosedLikeAnyOtherFlood() throws Exception {
        RoomClient bob = member();
        for (int i = 0; i < 250; i++) bob.session().sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), Callback.NOOP);
        assertEquals(4029, bob.awaitClose());
        assertRoomUnchanged();
    }

    @Test void aCommandIdOutsidePrintableAsciiIsRefusedAndNamed() throws Exception {
        RoomClient bob = member();
        for (String id : List.of("with space", "tab\t", "nul\u0000", "caf\u00e9", "x".repeat(65), "")) {
            bob.sendWithId(id, "raiseHand");
            JsonNode e = nextError(bob);
            assertEquals("invalid_field", e.path("code").asText(), () -> "id " + id.codePoints().boxed().toList());
            assertTrue(e.path("message").asText().contains("'id'"), e.toString());
            assertTrue(e.path("id").isNull(), "a refused id is not echoed");
        }
        assertEquals("ack", bob.reply(sendId(bob, "~Ok-1_x.!", "lowerHand")).path("type").asText(),
                "every printable ASCII character is allowed");
        assertRoomUnchanged();
    }

    @Test void controlCharactersInAnyFieldAreRefusedAndNamed() throws Exception {
        assertEquals("'item'", refusedField(lea.send("confirmChecklist", "item", "alone\u0000", "confirmed", true)));
        assertEquals("'text'", refusedField(lea.send("backchannel", "text", "pause\u0007?")));
        assertEquals("'order'", refusedField(lea.send("setSeatOrder", "order", List.of("lea", "bob\u001f"))));
        assertEquals("'note'", refusedField(lea.send("lowerAllHands", "note", "\u007f")));
        assertEquals("'type'", refusedField(lea.send("lowerAll\u0000Hands")));
        assertEquals("ack", lea.reply(lea.send("backchannel", "text", "line one\nline two\tend")).path("type").asText(),
                "a note keeps its line breaks and tabs");
        assertRoomUnchanged();
    }

    /** The field an invalid_field error names, e.g. {@code 'item'}. */
    private String refusedField(String id) throws InterruptedException {
        JsonNode e = lea.reply(id);
        assertEquals("invalid_field", e.path("code").asText(), e::toString);
        var named = java.util.regex.Pattern.compile("'[^']+'").matcher(e.path("message").asText());
        assertTrue(named.find(), e::toString);
        return named.group();
    }

    private static String sendId(RoomClient c, String id, String type) {
        c.sendWithId(id, type);
        return id;
    }

    /**
     * Anyone can open a socket and hang up at once, without a token: that must not write a warning each time. (At
     * the default level: with debug enabled Jetty would log the same event at debug, hiding the warning.)
     */
    @Test void connectionsThatHangUpAtOnceAreNotWarnings() throws Exception {
        var warnings = new java.util.concurrent.LinkedBlockingQueue<String>();
        var appender = new ch.qos.logback.core.AppenderBase<ch.qos.logback.classic.spi.ILoggingEvent>() {
            @Override protected void append(ch.qos.logback.classic.spi.ILoggingEvent e) {
                if (e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN)) warnings.add(e.getLoggerName() + ": " + e.getFormattedMessage());
            }
        };
        appender.start();
        var root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        try {
            int port = server.app().port();
            for (int i = 0; i < 5; i++) RawPanel.open(port, null, 64 * 1024).hangUp();
            for (int i = 0; i < 5; i++) RawPanel.open(port, null, 64 * 1024).reset();
            for (int i = 0; i < 5; i++) RawPanel.open(port, server.token("bob", Role.MEMBER), 64 * 1024).hangUp();
            for (int i = 0; i < 5; i++) RawPanel.open(port, server.token("bob", Role.MEMBER), 64 * 1024).reset();
            lea.sync();   // the server still answers, after every hang-up above was seen
            String first = warnings.poll(500, TimeUnit.MILLISECONDS);
            assertEquals(null, first, () -> "warnings: " + first + " " + warnings);
        } finally {
            root.detachAppender(appender);
        }
    }

    @Test void aFloodIsRateLimitedAndOnlyAcceptedCommandsApply() throws Exception {
        RoomClient bob = member();
        for (int i = 0; i < 80; i++) bob.send(i % 2 == 0 ? "raiseHand" : "lowerHand");
        JsonNode limited = bob.nextMatching(f -> "rate_limited".equals(f.path("code").asText()), "a rate_limited error");
        assertTrue(limited.path("message").asText().contains("20"));
        long acks = 0;
        JsonNode last = lea.sync();
        for (JsonNode f : bob.seen()) if (f.path("type").asText().equals("ack")) acks++;
        assertTrue(acks < 80, "some commands were refused");
        assertFalse(RoomClient.ids(last.path("room").path("queue")).isEmpty());
    }

    /** The production sweep runs on its own; what it decides is tested on a hand-moved clock in SlowAndSilentPanelsTest. */
    @Test void theServerPingsEveryPanelToKeepTheLinkAlive() throws Exception {
        try (TestServer pinging = TestServer.start(Map.of("BALINT_PING_SECONDS", "1"))) {
            pinging.openRoom(PhaseTemplate.OPEN);
            RoomClient bob = RoomClient.join(ws, pinging.roomUri(pinging.token("bob", Role.MEMBER)));
            assertTrue(bob.awaitPings(2), "pings every interval");
            assertTrue(bob.isOpen(), "a panel that answers pings, as browsers do, stays connected");
        }
    }
}
