package org.balintcompanion.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.balintcompanion.zoom.ZoomCredentials;
import org.balintcompanion.zoom.ZoomEndpoints;

/**
 * Everything the server reads from its environment, read in this one place. Every variable has a default that runs
 * the demo with nothing set up. See docs/configuration.md.
 */
public record AppConfig(String bindHost, int port, Path dataDir, URI publicUrl, Set<String> allowedOrigins,
                        Secret tokenKey, Duration reconnectGrace, Limits limits, int roomThreads, boolean demo,
                        DatabaseSettings database, FirstAdmin firstAdmin, int passwordIterations, ZoomSettings zoom,
                        MailSettings mail, RoomTimes roomTimes, int journalQueue, Edge edge) {

    /**
     * When rooms open and close by themselves: {@code opensBefore} the start (people join early to settle in), and
     * {@code closesAfter} the planned end, so a room a leader forgot to end does not keep its state for ever.
     */
    public record RoomTimes(Duration opensBefore, Duration closesAfter) {}

    /**
     * Outgoing e-mail. Without {@code smtpHost}, messages go to an outbox in the data directory (listed by the admin
     * API), so invitations work with nothing set up. {@code sweepEvery} zero: the scheduler runs only when asked.
     */
    public record MailSettings(String smtpHost, int smtpPort, String smtpUser, String smtpPassword, boolean startTls,
                               String from, Duration sweepEvery) {
        public boolean smtp() { return smtpHost != null; }

        @Override public String toString() {
            return "MailSettings[" + (smtp() ? "smtp=" + smtpHost + ":" + smtpPort + " starttls=" + startTls : "outbox in the data directory")
                    + " from=" + from + "]";
        }
    }

    /**
     * The Zoom account (absent: Zoom features say "not connected" and everything else works), its base URLs (tests
     * and staging point them at fakes), the webhook secret token and the Zoom user who hosts meetings.
     */
    public record ZoomSettings(Optional<ZoomCredentials> credentials, ZoomEndpoints endpoints, String webhookSecret,
                               String hostUser) {
        @Override public String toString() {
            return "ZoomSettings[connected=" + credentials.isPresent() + ", api=" + endpoints.apiBase()
                    + ", webhooks=" + (webhookSecret != null) + ", hostUser=" + hostUser + "]";
        }
    }

    /** Embedded H2 in the data directory unless BALINT_DB_URL names another database (PostgreSQL). */
    public record DatabaseSettings(String url, String user, String password) {
        public boolean embedded() { return url.startsWith("jdbc:h2:"); }

        @Override public String toString() { return "DatabaseSettings[url=" + url + ", user=" + user + "]"; }
    }

    /** The first admin, from BALINT_ADMIN_EMAIL / BALINT_ADMIN_PASSWORD; absent means a one-time setup link. */
    public record FirstAdmin(String email, String password) {
        @Override public String toString() { return "FirstAdmin[email=" + email + "]"; }
    }

    /** Per-connection limits; see docs/protocol.md. */
    public record Limits(int maxFrameBytes, int commandsPerSecond, int commandBurst, int outboxFrames,
                         Duration slowConsumerTimeout, Duration pingInterval, Duration idleTimeout,
                         int connectionsPerMember) {
        public static Limits defaults() {
            // Pings every 5 s: a panel that answers none for two intervals is closed within ~10 s (KeepAlive).
            return new Limits(16 * 1024, 20, 40, 64, Duration.ofSeconds(10), Duration.ofSeconds(5),
                    Duration.ofSeconds(60), 3);
        }
    }

    public static AppConfig fromEnv(Map<String, String> env, List<String> args) {
        int port = intVar(env, "BALINT_PORT", 8080);
        Path dataDir = Path.of(env.getOrDefault("BALINT_DATA_DIR", "./data")).toAbsolutePath().normalize();
        URI publicUrl = URI.create(stripSlash(env.getOrDefault("BALINT_PUBLIC_URL", "http://localhost:" + port)));
        Set<String> origins = origins(env.get("BALINT_ALLOWED_ORIGINS"), publicUrl, port);
        var d = Limits.defaults();
        var limits = new Limits(intVar(env, "BALINT_MAX_FRAME_BYTES", d.maxFrameBytes()),
                intVar(env, "BALINT_COMMANDS_PER_SECOND", d.commandsPerSecond()),
                intVar(env, "BALINT_COMMAND_BURST", d.commandBurst()),
                intVar(env, "BALINT_OUTBOX_FRAMES", d.outboxFrames()),
                Duration.ofSeconds(intVar(env, "BALINT_SLOW_CLIENT_SECONDS", 10)),
                Duration.ofSeconds(intVar(env, "BALINT_PING_SECONDS", (int) d.pingInterval().toSeconds())),
                Duration.ofSeconds(intVar(env, "BALINT_IDLE_TIMEOUT_SECONDS", 60)),
                intVar(env, "BALINT_CONNECTIONS_PER_MEMBER", d.connectionsPerMember()));
        return new AppConfig(env.getOrDefault("BALINT_BIND", "0.0.0.0"), port, dataDir, publicUrl, origins,
                tokenKey(env.get("BALINT_TOKEN_KEY"), dataDir),
                Duration.ofSeconds(intVar(env, "BALINT_RECONNECT_GRACE_SECONDS", 60)), limits,
                intVar(env, "BALINT_ROOM_THREADS", Math.max(2, Runtime.getRuntime().availableProcessors())),
                args.contains("--demo") || "true".equals(env.get("BALINT_DEMO")),
                database(env, dataDir), firstAdmin(env), Math.max(10_000, intVar(env, "BALINT_PASSWORD_ITERATIONS", 600_000)),
                new ZoomSettings(ZoomCredentials.fromEnv(env), ZoomEndpoints.fromEnv(env), blankToNull(env.get("ZOOM_WEBHOOK_SECRET_TOKEN")),
                        blankToNull(env.get("ZOOM_HOST_USER"))),
                new MailSettings(blankToNull(env.get("BALINT_SMTP_HOST")), intVar(env, "BALINT_SMTP_PORT", 587),
                        blankToNull(env.get("BALINT_SMTP_USER")), blankToNull(env.get("BALINT_SMTP_PASSWORD")),
                        !"false".equalsIgnoreCase(env.getOrDefault("BALINT_SMTP_STARTTLS", "true")),
                        env.getOrDefault("BALINT_MAIL_FROM", "Balint Companion <no-reply@localhost>"),
                        Duration.ofSeconds(intVar(env, "BALINT_MAIL_SWEEP_SECONDS", 60))),
                new RoomTimes(Duration.ofMinutes(intVar(env, "BALINT_ROOM_OPENS_MINUTES_BEFORE", 15)),
                        Duration.ofHours(intVar(env, "BALINT_ROOM_CLOSES_HOURS_AFTER", 4))),
                Math.max(1, intVar(env, "BALINT_JOURNAL_QUEUE", 50_000)),
                Edge.fromEnv(env, (name, fallback) -> intVar(env, name, fallback)));
    }

    private static DatabaseSettings database(Map<String, String> env, Path dataDir) {
        String url = env.get("BALINT_DB_URL");
        if (url == null || url.isBlank()) {
            // The room journal is a file of its own beside it (store/FileJournalSink), so H2 holds only the admin data.
            // CACHE_SIZE (KiB): H2's page cache lives in the server's heap. DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown
            // hook would close the database under the server's, which still drains the journal and the mail on SIGTERM.
            return new DatabaseSettings("jdbc:h2:file:" + dataDir.resolve("balint") + ";WRITE_DELAY=0;CACHE_SIZE=8192;DB_CLOSE_ON_EXIT=FALSE",
                    "balint", "");
        }
        if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("BALINT_DB_URL must be a jdbc:postgresql: or jdbc:h2: URL");
        }
        return new DatabaseSettings(url.trim(), env.getOrDefault("BALINT_DB_USER", ""), env.getOrDefault("BALINT_DB_PASSWORD", ""));
    }

    private static FirstAdmin firstAdmin(Map<String, String> env) {
        String email = env.get("BALINT_ADMIN_EMAIL");
        String password = env.get("BALINT_ADMIN_PASSWORD");
        if (email == null || email.isBlank()) return null;
        if (password == null || password.length() < 12) {
            throw new IllegalArgumentException("BALINT_ADMIN_PASSWORD must be at least 12 characters when BALINT_ADMIN_EMAIL is set");
        }
        return new FirstAdmin(email.trim(), password);
    }

    /** What is safe to print at start: no key material. */
    public String describe() {
        return "port=" + port + " bind=" + bindHost + " dataDir=" + dataDir + " publicUrl=" + publicUrl
                + " allowedOrigins=" + allowedOrigins + " reconnectGrace=" + reconnectGrace.toSeconds() + "s demo=" + demo
                + " tls=" + (edge.tls().isPresent() ? "in Jetty" : "off (behind a proxy)") + " trustedProxies=" + edge.trustedProxies()
                + " zoom=" + zoom + " mail=" + mail + " database=" + (database.embedded() ? "embedded H2 in the data directory" : database.url().replaceAll("\\?.*", ""));
    }

    private static Set<String> origins(String listed, URI publicUrl, int port) {
        var out = new LinkedHashSet<String>();
        if (listed != null && !listed.isBlank()) {
            Arrays.stream(listed.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(AppConfig::stripSlash)
                    .forEach(out::add);
            return Set.copyOf(out);
        }
        out.add(originOf(publicUrl));
        out.add("http://localhost:" + port);
        out.add("http://127.0.0.1:" + port);
        return Set.copyOf(out);
    }

    private static String originOf(URI u) {
        return u.getScheme() + "://" + u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort());
    }

    /**
     * The token key comes from BALINT_TOKEN_KEY; without it, a random key is made once and kept in the data
     * directory (owner-only), so demo links survive a restart without any secret living in the repository.
     */
    private static Secret tokenKey(String fromEnv, Path dataDir) {
        if (fromEnv != null && !fromEnv.isBlank()) {
            try {
                return new Secret(Base64.getDecoder().decode(fromEnv.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("BALINT_TOKEN_KEY must be base64 of at least 32 random bytes");
            }
        }
        Path file = dataDir.resolve("token.key");
        try {
            if (Files.exists(file)) return new Secret(Base64.getDecoder().decode(Files.readString(file).trim()));
            Files.createDirectories(dataDir);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            writeOwnerOnly(file, Base64.getEncoder().encodeToString(key));
            return new Secret(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token key in " + dataDir, e);
        }
    }

    /** Created with owner-only permissions, so the key is never readable by others, not even for a moment. */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);   // not a POSIX file system: the data directory's own protection applies
        }
        Files.writeString(file, content);
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.trim(); }

    private static int intVar(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'");
        }
    }

    private static String stripSlash(String s) { return s.endsWith("/") ? s.substring(0, s.length() - 1) : s; }
}
