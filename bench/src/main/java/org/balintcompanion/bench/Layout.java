package org.balintcompanion.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rooms under test: R rooms named {@code r0000…} of M people each, {@code m00} the leader, {@code m01} the
 * co-leader, the others members. The generator's traffic model relies on these roles (see {@link Traffic}).
 */
public record Layout(int rooms, int members) {
    public Layout {
        if (rooms < 1) throw new IllegalArgumentException("at least one room");
        if (members < 4) throw new IllegalArgumentException("at least 4 people per room (2 leaders, 2 members)");
    }

    public static String roomId(int r) { return String.format("r%04d", r); }

    public static String memberId(int m) { return String.format("m%02d", m); }

    public static String role(int m) { return m == 0 ? "LEADER" : m == 1 ? "CO_LEADER" : "MEMBER"; }

    public int connections() { return rooms * members; }

    /** One line per panel: room, member, role, token. */
    public record Seat(String room, String member, String role, String token) {}

    public static void writeSeats(Path file, List<Seat> seats) throws IOException {
        var sb = new StringBuilder(seats.size() * 300);
        for (Seat s : seats) sb.append(s.room).append('\t').append(s.member).append('\t').append(s.role).append('\t').append(s.token).append('\n');
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, sb);
    }

    public static List<Seat> readSeats(Path file) throws IOException {
        var out = new ArrayList<Seat>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) continue;
            String[] f = line.split("\t");
            out.add(new Seat(f[0], f[1], f[2], f[3]));
        }
        return out;
    }

    /**
     * Seats for servers that take no token (the baselines): same rooms and people, and a placeholder token as long
     * as a real join token (223 characters), so the upgrade requests the servers keep per socket weigh the same.
     */
    public List<Seat> seatsWithoutTokens() {
        var out = new ArrayList<Seat>(connections());
        var rnd = new java.util.Random(1);
        for (int r = 0; r < rooms; r++) {
            for (int m = 0; m < members; m++) {
                var t = new StringBuilder("eyJhbGciOiJIUzI1NiJ9.");
                while (t.length() < 223) t.append((char) ('a' + rnd.nextInt(26)));
                out.add(new Seat(roomId(r), memberId(m), role(m), t.toString()));
            }
        }
        return out;
    }
}
