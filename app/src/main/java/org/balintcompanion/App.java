package org.balintcompanion;

import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.URI;

import org.balintcompanion.admin.Account;
import org.balintcompanion.admin.Admin;
import org.balintcompanion.auth.RsvpTokens;
import org.balintcompanion.mail.MailScheduler;
import org.balintcompanion.mail.Mailer;
import org.balintcompanion.mail.OutboxMailer;
import org.balintcompanion.mail.Rsvps;
import org.balintcompanion.mail.SmtpMailer;
import org.slf4j.LoggerFactory;
import org.balintcompanion.admin.AdminSessions;
import org.balintcompanion.admin.AuditLog;
import org.balintcompanion.admin.Backups;
import org.balintcompanion.admin.Directory;
import org.balintcompanion.admin.Groups;
import org.balintcompanion.admin.Ids;
import org.balintcompanion.admin.JoinLinks;
import org.balintcompanion.admin.Meetings;
import org.balintcompanion.admin.PasswordHasher;
import org.balintcompanion.admin.RoomOpener;
import org.balintcompanion.admin.RoomSchedule;
import org.balintcompanion.admin.ZoomLink;
import org.balintcompanion.admin.ZoomPresenceRouter;
import org.balintcompanion.zoom.ZoomMeetings;
import org.balintcompanion.zoom.ZoomMeetingsClient;
import org.balintcompanion.zoom.webhook.ZoomWebhooks;
import org.balintcompanion.auth.RoomTokens;
import org.balintcompanion.config.AppConfig;
import org.balintcompanion.live.CloseCodes;
import org.balintcompanion.live.RoomRegistry;
import org.balintcompanion.metrics.CountedMailer;
import org.balintcompanion.metrics.Metrics;
import org.balintcompanion.store.Database;
import org.balintcompanion.live.RoomStore;
import org.balintcompanion.store.JournalStartup;
import org.balintcompanion.store.RoomJournal;
import org.balintcompanion.store.RoomStateCodec;
import org.balintcompanion.store.StoredRooms;
import org.balintcompanion.store.UnrestoredRooms;
import java.util.List;
import org.balintcompanion.web.ServerHealth;
import org.balintcompanion.web.WebServer;
import org.balintcompanion.wire.CommandParser;
import org.balintcompanion.wire.Frames;

/**
 * The composition root: builds every part with {@code new}, starts the server and returns a handle. Tests call this
 * same method with a test configuration on port 0, so the production wiring is what gets tested.
 */
public final class App implements AutoCloseable {
    private final Database db;
    /** Null when a benchmark runs the server with a store of its own instead of the journal. */
    private final RoomJournal journal;
    private final UnrestoredRooms unrestored;
    private final ExecutorService roomPool;
    private final ScheduledExecutorService timers;
    private final RoomRegistry rooms;
    private final RoomTokens tokens;
    private final Admin admin;
    private final ZoomMeetings zoom;
    private final MailScheduler mail;
    private final RoomSchedule roomSchedule;
    private final ScheduledExecutorService mailTimer;
    private final ExecutorService zoomWorkers;
    private final WebServer web;
    private final AppConfig config;
    private final Metrics metrics = new Metrics();

    private App(AppConfig config, Clock clock, Database db, RoomStore storeInstead) {
        this.config = config;
        this.db = db;
        this.zoom = config.zoom().credentials()
                .<ZoomMeetings>map(c -> new ZoomMeetingsClient(config.zoom().endpoints(), c))
                .orElseGet(ZoomMeetings::notConnected);
        var json = new ObjectMapper();
        var frames = new Frames(json.getFactory(), metrics);
        this.unrestored = new UnrestoredRooms(config.dataDir(), clock);
        JournalStartup.Started started = storeInstead != null ? null
                : JournalStartup.start(db, config.dataDir(), new RoomStateCodec(), config.journalQueue(), unrestored,
                        commitTimer(metrics));
        this.journal = started == null ? null : started.journal();
        this.roomPool = Executors.newFixedThreadPool(config.roomThreads(), named("room-"));
        this.timers = Executors.newSingleThreadScheduledExecutor(named("timers-"));
        this.rooms = new RoomRegistry(journal != null ? journal : storeInstead, roomPool, frames, clock, timers, config.reconnectGrace(),
                config.limits().connectionsPerMember());
        for (var restored : started == null ? List.<StoredRooms.Restored>of() : started.restored()) {
            rooms.restore(restored.state(), restored.answered().stream()
                    .map(a -> new RoomRegistry.Answer(a.member(), a.commandId(), a.reply())).toList());
        }
        var revoked = JoinLinks.Revoked.load(db);
        this.tokens = new RoomTokens(config.tokenKey(), clock, revoked);
        var apiJson = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        var ids = new Ids();
        var audit = new AuditLog(db, clock);
        var rsvpTokens = new RsvpTokens(config.tokenKey(), clock);
        var opener = new RoomOpener(rooms, db, audit);
        var groups = new Groups(db, ids, audit, clock, apiJson, opener);
        var meetings = new Meetings(db, ids, audit, clock, opener);
        var links = new JoinLinks(db, tokens, revoked, ids, audit, clock, config.publicUrl(), opener);
        this.mail = new MailScheduler(db, mailer(config, db, clock, metrics), config.mail().from(), rsvpTokens,
                (meetingId, personId) -> panelLink(groups, meetings, links, meetingId, personId), config.publicUrl(), clock);
        var directory = new Directory(db, ids, audit, clock, apiJson, opener);
        this.admin = new Admin(new AdminSessions(db, new PasswordHasher(config.passwordIterations()), ids, audit, clock),
                directory, groups, meetings, links, opener, audit,
                new ZoomLink(zoom, config.zoom().hostUser(), db, audit, directory, metrics), new Rsvps(db, rsvpTokens, clock), mail, unrestored);
        this.roomSchedule = new RoomSchedule(db, rooms, groups, meetings, admin.rooms(), clock,
                config.roomTimes().opensBefore(), config.roomTimes().closesAfter());
        this.mailTimer = Executors.newSingleThreadScheduledExecutor(named("schedule-"));
        if (!config.mail().sweepEvery().isZero()) {
            mailTimer.scheduleWithFixedDelay(this::sweep, 5, config.mail().sweepEvery().toSeconds(), TimeUnit.SECONDS);
        }
        this.zoomWorkers = Executors.newVirtualThreadPerTaskExecutor();
        var webhooks = config.zoom().webhookSecret() == null ? null : ZoomWebhooks.create(config.zoom().webhookSecret(), clock);
        this.web = new WebServer(config, tokens, rooms, new CommandParser(json), frames, timers, admin, apiJson,
                webhooks, new ZoomPresenceRouter(db, rooms, zoomWorkers), this::health, metrics,
                new Backups(db, config.dataDir(), audit, clock));
        journalGauges();
    }

    /** The journal's commit latency, as a timer: one sample per durable write of a batch. */
    private static java.util.function.LongConsumer commitTimer(Metrics metrics) {
        var timer = metrics.timer("balint_journal_commit", "Time to make one batch of room changes durable (write and fsync, or commit)");
        return nanos -> timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    private void journalGauges() {
        if (journal == null) return;
        metrics.gauge("balint_journal_queued", "Room changes waiting to be made durable", () -> journal.health().queued());
        metrics.gauge("balint_journal_healthy", "1 while the room journal writes, 0 while it retries a failing store",
                () -> journal.health().healthy() ? 1 : 0);
        metrics.gauge("balint_rooms_unrestored", "Rooms kept aside at the last start because they could not be restored",
                () -> unrestored.count());
    }

    private ServerHealth.Report health() {
        int unrestoredRooms = unrestored.count();
        if (journal == null) return new ServerHealth.Report(unrestoredRooms == 0, "NONE", 0, unrestoredRooms);
        RoomJournal.Health h = journal.health();
        return new ServerHealth.Report(h.healthy() && unrestoredRooms == 0, h.state().name(), h.queued(), unrestoredRooms);
    }

    private static final Account MAILER = new Account("mail", "mail scheduler", Account.Kind.ADMIN, null);

    /** SMTP sends are counted; the outbox stays itself, since the scheduler reads messages back from it. */
    private static Mailer mailer(AppConfig config, Database db, Clock clock, Metrics metrics) {
        return config.mail().smtp() ? new CountedMailer(new SmtpMailer(config.mail()), metrics)
                : new OutboxMailer(config.dataDir(), config.mail().from(), db, clock);
    }

    /** A personal join link for a message: issued like any other, so it can be revoked like any other. */
    private static URI panelLink(Groups groups, Meetings meetings, JoinLinks links, String meetingId, String personId) {
        var meeting = meetings.meeting(MAILER, meetingId);
        return URI.create(links.issue(MAILER, meeting, groups.roster(MAILER, meeting.groupId()), personId).get(0).url());
    }

    /** Rooms that should open or end, then mail that is due; each failure is retried at the next sweep. */
    private void sweep() {
        try {
            unrestored.purge();
            roomSchedule.runOnce();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(App.class).error("room schedule sweep failed; the next one retries", e);
        }
        try {
            mail.runOnce();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(App.class).error("mail sweep failed; the next one retries", e);
        }
    }

    public static App start(AppConfig config, Clock clock) throws Exception { return start(config, clock, null); }

    /**
     * {@code storeInstead}: where rooms keep their changes instead of the durable journal, for the benchmark's
     * diagnostic that measures what durability costs; null everywhere else.
     */
    public static App start(AppConfig config, Clock clock, RoomStore storeInstead) throws Exception {
        Files.createDirectories(config.dataDir());
        Database db = Database.open(config.database());
        App app;
        try {
            app = new App(config, clock, db, storeInstead);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        try {
            app.web.start();
        } catch (Exception e) {
            app.close();
            throw e;
        }
        return app;
    }

    public int port() { return web.port(); }

    /** The metrics port (BALINT_METRICS_PORT), or -1 when metrics are not served. */
    public int metricsPort() { return web.metricsPort(); }

    public Metrics metrics() { return metrics; }

    public RoomRegistry rooms() { return rooms; }

    public RoomTokens tokens() { return tokens; }

    public Admin admin() { return admin; }

    public AppConfig config() { return config; }

    public Database database() { return db; }

    public MailScheduler mail() { return mail; }

    public RoomSchedule roomSchedule() { return roomSchedule; }

    /**
     * Tells every panel to come back later (4001) and waits briefly for those closes to go out, stops accepting,
     * lets the rooms finish what they were doing, writes everything the journal holds, then releases the database.
     */
    @Override public void close() throws Exception {
        rooms.closeAll(CloseCodes.SERVER_RESTART, "server restarting");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (rooms.connectionCount() > 0 && System.nanoTime() < deadline) Thread.sleep(20);
        try {
            web.close();
        } finally {
            timers.shutdownNow();
            mailTimer.shutdownNow();
            zoomWorkers.shutdown();
            if (zoom instanceof AutoCloseable closeable) closeable.close();
            roomPool.shutdown();
            roomPool.awaitTermination(5, TimeUnit.SECONDS);
            if (journal != null) journal.close();
            db.close();
        }
    }

    private static ThreadFactory named(String prefix) {
        var n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
