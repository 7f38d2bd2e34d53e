package org.balintcompanion.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import org.balintcompanion.App;
import org.balintcompanion.config.AppConfig;
import org.balintcompanion.room.Actor;
import org.balintcompanion.room.Command;
import org.balintcompanion.room.Decision;
import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.Participant;
import org.balintcompanion.room.PhaseTemplate;
import org.balintcompanion.room.Role;
import org.balintcompanion.room.Room;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.room.RoomSettings;
import org.balintcompanion.room.RoomState;
import org.balintcompanion.wire.Frames;

/**
 * The server under test, in its own JVM: the real {@link App} built by its own composition root from the
 * environment (BALINT_*), with R rooms of M people opened through {@code App.rooms()} and one join token per person
 * written to a file for the generator.
 *
 * <p>Talks to the orchestrator on stdin/stdout: prints {@code BENCH-STARTED pid=… port=…} once the app listens (no
 * room open yet, so the orchestrator can weigh the empty heap), opens the rooms on the line {@code open}, prints
 * {@code BENCH-READY}, and stops on {@code stop} or end of input.
 *
 * <p>{@code java -cp … org.balintcompanion.bench.BenchServer --rooms 1000 --members 12 --tokens target/tokens.tsv}
 */
public final class BenchServer {
    static final String TITLE = "Groupe Balint de Bordeaux — séance du jeudi soir";
    private static final String[] NAMES = {"Claire Martin", "Hugo Bernard", "Amélie Dubois", "Bastien Leroy",
            "Camille Moreau", "David Petit", "Élise Roux", "François Girard", "Inès Lambert", "Julien Fontaine",
            "Nadia Chevalier", "Olivier Garnier", "Pauline Faure", "Quentin Rousseau"};

    private BenchServer() {}

    public static void main(String[] args) throws Exception {
        var a = Args.parse(args);
        int rooms = a.integer("rooms", 20);
        int members = a.integer("members", 6);
        Path tokens = Path.of(a.text("tokens", "target/tokens.tsv"));
        AppConfig config = AppConfig.fromEnv(System.getenv(), List.of());
        // "--journal off": the diagnostic that measures what durability costs; acks are then sent without it.
        App app = a.text("journal", "on").equals("off") ? App.start(config, Clock.systemUTC(), new NoJournal())
                : App.start(config, Clock.systemUTC());
        System.out.println("BENCH-STARTED pid=" + ProcessHandle.current().pid() + " port=" + app.port());
        System.out.flush();
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            line = line.trim();
            if (line.equals("open")) {
                var seats = new ArrayList<Layout.Seat>(rooms * members);
                for (int r = 0; r < rooms; r++) {
                    RoomId id = RoomId.of(Layout.roomId(r));
                    app.rooms().open(id, TITLE, RoomSettings.defaults(PhaseTemplate.OPEN), roster(members));
                    for (int m = 0; m < members; m++) {
                        MemberId who = MemberId.of(Layout.memberId(m));
                        Role role = Role.valueOf(Layout.role(m));
                        seats.add(new Layout.Seat(id.value(), who.value(), role.name(),
                                app.tokens().issue(id, who, role, Duration.ofHours(12))));
                    }
                }
                Layout.writeSeats(tokens, seats);
                System.out.println("BENCH-READY rooms=" + rooms + " members=" + members + " tokens=" + tokens.toAbsolutePath());
                System.out.flush();
            } else if (line.equals("stop")) {
                break;
            }
        }
        app.close();
        System.exit(0);
    }

    static List<Participant> roster(int members) {
        var out = new ArrayList<Participant>(members);
        for (int m = 0; m < members; m++) {
            out.add(Participant.onRoster(MemberId.of(Layout.memberId(m)), NAMES[m % NAMES.length], Role.valueOf(Layout.role(m))));
        }
        return out;
    }

    /**
     * A room view as the real server writes it (everyone connected), for the baselines: they send a pre-written
     * string of the same size and shape, so both sides move the same bytes.
     */
    static String sampleRoomJson(int members, boolean leaderView) {
        RoomState s = RoomState.opening(RoomId.of(Layout.roomId(0)), TITLE, "sample",
                RoomSettings.defaults(PhaseTemplate.OPEN), roster(members), java.time.Instant.now());
        for (int m = 0; m < members; m++) {
            if (Room.decide(s, Actor.SYSTEM, new Command.PanelConnected(MemberId.of(Layout.memberId(m))), java.time.Instant.now())
                    instanceof Decision.Changed c) s = c.state();
        }
        String frame = new Frames(new JsonFactory()).state(s, leaderView ? Frames.View.LEADER : Frames.View.MEMBER);
        int at = frame.indexOf("\"room\":");
        return frame.substring(at + "\"room\":".length(), frame.length() - 1);
    }
}
