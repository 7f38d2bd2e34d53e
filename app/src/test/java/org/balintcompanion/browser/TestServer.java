package org.balintcompanion.browser;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.balintcompanion.App;
import org.balintcompanion.config.AppConfig;
import org.balintcompanion.live.LiveRoom;
import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.Participant;
import org.balintcompanion.room.PhaseTemplate;
import org.balintcompanion.room.Role;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.room.RoomSettings;

/**
 * The real server, in process, on a free port, with pages served from the frontend jar. The allowed origin must be
 * the pages' own origin, so the port is chosen before the server starts.
 */
final class TestServer implements AutoCloseable {
    final App app;
    final String base;
    private final Path dataDir;

    private TestServer(App app, String base, Path dataDir) {
        this.app = app;
        this.base = base;
        this.dataDir = dataDir;
    }

    static TestServer start() throws Exception { return start(Map.of()); }

    /** @param extraEnv more configuration, e.g. a cheaper password hash for tests that sign in */
    static TestServer start(Map<String, String> extraEnv) throws Exception {
        int port;
        try (var probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path dataDir = Files.createTempDirectory("balint-browser-");
        String base = "http://localhost:" + port;
        var env = new java.util.HashMap<>(Map.of(
                "BALINT_PORT", String.valueOf(port),
                "BALINT_BIND", "127.0.0.1",
                "BALINT_DATA_DIR", dataDir.toString(),
                "BALINT_PUBLIC_URL", base,
                "BALINT_ALLOWED_ORIGINS", base));
        env.putAll(extraEnv);
        App app = App.start(AppConfig.fromEnv(env, List.of()), Clock.systemUTC());
        return new TestServer(app, base, dataDir);
    }

    /** The group used by every scenario: two leaders, five members and a silent observer, in seat order. */
    static List<Participant> roster() {
        return List.of(
                Participant.onRoster(MemberId.of("lea"), "Léa Martin", Role.LEADER),
                Participant.onRoster(MemberId.of("amelie"), "Amélie Dubois", Role.MEMBER),
                Participant.onRoster(MemberId.of("bastien"), "Bastien Leroy", Role.MEMBER),
                Participant.onRoster(MemberId.of("camille"), "Camille Moreau", Role.MEMBER),
                Participant.onRoster(MemberId.of("hugo"), "Hugo Bernard", Role.CO_LEADER),
                Participant.onRoster(MemberId.of("david"), "David Petit", Role.MEMBER),
                Participant.onRoster(MemberId.of("elise"), "Élise Roux", Role.MEMBER),
                Participant.onRoster(MemberId.of("nadia"), "Nadia Chevalier", Role.OBSERVER));
    }

    RoomId openRoom(String id, PhaseTemplate template) { return openRoom(id, template, List.of()); }

    /** @param earlierCases who presented at the group's previous meeting (shown to leaders at the opening) */
    RoomId openRoom(String id, PhaseTemplate template, List<RoomSettings.EarlierCase> earlierCases) {
        RoomId room = RoomId.of(id);
        var d = RoomSettings.defaults(template);
        var settings = new RoomSettings(d.template(), d.phaseTargets(), d.timersShownToMembers(), d.checklist(), earlierCases);
        app.rooms().open(room, "Groupe Balint du jeudi", settings, roster());
        return room;
    }

    /** The usual group's room for a meeting that starts at {@code startsAt}, planned in {@code zone}. */
    RoomId openMeetingRoom(String id, java.time.Instant startsAt, java.time.ZoneId zone) {
        RoomId room = RoomId.of(id);
        app.rooms().open(room, "Groupe Balint du jeudi", RoomSettings.defaults(PhaseTemplate.OPEN).startingAt(startsAt, zone), roster());
        return room;
    }

    /** A room for another group than the usual one (a larger circle, long names). */
    RoomId openRoom(String id, PhaseTemplate template, List<Participant> roster, String title) {
        RoomId room = RoomId.of(id);
        app.rooms().open(room, title, RoomSettings.defaults(template), roster);
        return room;
    }

    /** A scripted client standing in for one person's panel (or console), past its first snapshot. */
    org.balintcompanion.support.RoomClient scriptedPanel(org.eclipse.jetty.websocket.client.WebSocketClient sockets,
                                                          RoomId room, String member, Role role) throws Exception {
        String token = app.tokens().issue(room, MemberId.of(member), role, Duration.ofHours(1));
        var uri = java.net.URI.create(base.replace("http", "ws") + "/ws/rooms/" + room.value() + "?token=" + token);
        var client = org.balintcompanion.support.RoomClient.connect(sockets, uri, base);
        client.next("snapshot");
        return client;
    }

    /** The room's state as its writer holds it now. */
    org.balintcompanion.room.RoomState state(RoomId id) {
        var f = new java.util.concurrent.CompletableFuture<org.balintcompanion.room.RoomState>();
        room(id).read(f::complete);
        try {
            return f.get(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not read the room", e);
        }
    }

    LiveRoom room(RoomId id) { return app.rooms().find(id); }

    /** The link a person opens, as the leaders would send it: the token in the fragment. */
    String link(RoomId room, String member) {
        Role role = roster().stream().filter(p -> p.id().value().equals(member)).findFirst().orElseThrow().role();
        return linkAs(room, member, role);
    }

    String linkAs(RoomId room, String member, Role role) {
        String token = app.tokens().issue(room, MemberId.of(member), role, Duration.ofHours(1));
        return base + (role.leads() ? "/lead/" : "/join/") + "#token=" + token;
    }

    @Override public void close() throws Exception {
        try {
            app.close();
        } finally {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException ignored) {
                        // a temp directory left behind is harmless
                    }
                });
            }
        }
    }
}
