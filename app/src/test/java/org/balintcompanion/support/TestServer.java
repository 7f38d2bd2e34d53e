package org.balintcompanion.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.balintcompanion.App;
import org.balintcompanion.config.AppConfig;
import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.Participant;
import org.balintcompanion.room.PhaseTemplate;
import org.balintcompanion.room.Role;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.room.RoomSettings;

/** The real server on an ephemeral port with a throw-away data directory, wired exactly as in production. */
public final class TestServer implements AutoCloseable {
    public static final String ORIGIN = "http://panel.test";
    public static final RoomId ROOM = RoomId.of("r1");

    private final App app;
    private final Path dataDir;

    private TestServer(App app, Path dataDir) {
        this.app = app;
        this.dataDir = dataDir;
    }

    public static TestServer start(Map<String, String> extraEnv) throws Exception { return start(extraEnv, Clock.systemUTC()); }

    /** With a clock the test moves, e.g. to reach a reminder's due time. */
    public static TestServer start(Map<String, String> extraEnv, Clock clock) throws Exception {
        Path dir = Files.createTempDirectory("balint-test");
        var env = new HashMap<String, String>();
        env.put("BALINT_PORT", "0");
        env.put("BALINT_BIND", "127.0.0.1");
        env.put("BALINT_DATA_DIR", dir.toString());
        env.put("BALINT_ALLOWED_ORIGINS", ORIGIN);
        env.put("BALINT_PASSWORD_ITERATIONS", "10000");
        env.put("BALINT_MAIL_SWEEP_SECONDS", "0");
        env.putAll(extraEnv);
        App app = App.start(AppConfig.fromEnv(env, List.of()), clock);
        return new TestServer(app, dir);
    }

    public static TestServer start() throws Exception { return start(Map.of()); }

    /** A server on an existing data directory, e.g. one a test has damaged while the server was down. */
    public static TestServer startIn(Path dataDir, Map<String, String> extraEnv, Clock clock) throws Exception {
        var env = new HashMap<String, String>(extraEnv);
        env.put("BALINT_DATA_DIR", dataDir.toString());
        return start(env, clock);
    }

    /** Another server on the same data directory, as after a restart. */
    public TestServer restart(Map<String, String> extraEnv, Clock clock) throws Exception {
        app.close();
        var env = new HashMap<String, String>(extraEnv);
        env.put("BALINT_DATA_DIR", dataDir.toString());
        return start(env, clock);
    }

    /** A room with two leaders, four members and an observer, like {@code RoomFixtures}. */
    public void openRoom(PhaseTemplate template) {
        app.rooms().open(ROOM, "Groupe test", RoomSettings.defaults(template), List.of(
                Participant.onRoster(MemberId.of("lea"), "Léa", Role.LEADER),
                Participant.onRoster(MemberId.of("alice"), "Alice", Role.MEMBER),
                Participant.onRoster(MemberId.of("bob"), "Bob", Role.MEMBER),
                Participant.onRoster(MemberId.of("cole"), "Cole", Role.CO_LEADER),
                Participant.onRoster(MemberId.of("carol"), "Carol", Role.MEMBER),
                Participant.onRoster(MemberId.of("dan"), "Dan", Role.MEMBER),
                Participant.onRoster(MemberId.of("oscar"), "Oscar", Role.OBSERVER)));
    }

    public String token(String member, Role role) {
        return app.tokens().issue(ROOM, MemberId.of(member), role, Duration.ofHours(1));
    }

    public URI roomUri(String token) { return roomUri(ROOM.value(), token); }

    public URI roomUri(String room, String token) {
        return URI.create("ws://127.0.0.1:" + app.port() + "/ws/rooms/" + room + (token == null ? "" : "?token=" + token));
    }

    public URI http(String path) { return URI.create("http://127.0.0.1:" + app.port() + path); }

    public App app() { return app; }

    @Override public void close() throws Exception {
        app.close();
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
