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
import org.balintcompanion.store.Database;
import org.balintcompanion.store.RoomJournal;
import org.balintcompanion.store.RoomStateCodec;
import org.balintcompanion.store.StoredRooms;
import org.balintcompanion.web.WebServer;
import org.balintcompanion.wire.CommandParser;
import org.balintcompanion.wire.Frames;

/**
 * The composition root: builds every part with {@code new}, starts the server and returns a handle. Tests call this
 * same method with a test configuration on port 0, so the production wiring is what gets tested.
 */
public final class App implements AutoCloseable {
    private final Database db;
    private final RoomJournal journal;
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

    private App(AppConfig config, Clock clock, Database db) {
        this.config = config;
        this.db = db;
        this.zoom = config.zoom().credentials()
                .<ZoomMeetings>map(c -> new ZoomMeetingsClient(config.zoom().endpoints(), c))
                .orElseGet(ZoomMeetings::notConnected);
        var json = new ObjectMapper();
        var frames = new Frames(json.getFactory());
        var codec = new RoomStateCodec();
        this.journal = new RoomJournal(db, codec);
        this.roomPool = Executors.newFixedThreadPool(config.roomThreads(), named("room-"));
        this.timers = Executors.newSingleThreadScheduledExecutor(named("timers-"));
        this.rooms = new RoomRegistry(journal, roomPool, frames, clock, timers, config.reconnectGrace(),
                config.limits().connectionsPerMember());
        for (var restored : new StoredRooms(db, codec).load()) {
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
        this.mail = new MailScheduler(db, mailer(config, db, clock), config.mail().from(), rsvpTokens,
                (meetingId, personId) -> panelLink(groups, meetings, links, meetingId, personId), config.publicUrl(), clock);
        var directory = new Directory(db, ids, audit, clock, apiJson, opener);
        this.admin = new Admin(new AdminSessions(db, new PasswordHasher(config.passwordIterations()), ids, audit, clock),
                directory, groups, meetings, links, opener, audit,
                new ZoomLink(zoom, config.zoom().hostUser(), db, audit, directory), new Rsvps(db, rsvpTokens, clock), mail);
        this.roomSchedule = new RoomSchedule(db, rooms, groups, meetings, admin.rooms(), clock,
                config.roomTimes().opensBefore(), config.roomTimes().closesAfter());
        this.mailTimer = Executors.newSingleThreadScheduledExecutor(named("schedule-"));
        if (!config.mail().sweepEvery().isZero()) {
            mailTimer.scheduleWithFixedDelay(this::sweep, 5, config.mail().sweepEvery().toSeconds(), TimeUnit.SECONDS);
        }
        this.zoomWorkers = Executors.newVirtualThreadPerTaskExecutor();
        var webhooks = config.zoom().webhookSecret() == null ? null : ZoomWebhooks.create(config.zoom().webhookSecret(), clock);
        this.web = new WebServer(config, tokens, rooms, new CommandParser(json), frames, timers, admin, apiJson,
                webhooks, new ZoomPresenceRouter(db, rooms, zoomWorkers));
    }

    private static final Account MAILER = new Account("mail", "mail scheduler", Account.Kind.ADMIN, null);

    private static Mailer mailer(AppConfig config, Database db, Clock clock) {
        return config.mail().smtp() ? new SmtpMailer(config.mail()) : new OutboxMailer(config.dataDir(), config.mail().from(), db, clock);
    }

    /** A personal join link for a message: issued like any other, so it can be revoked like any other. */
    private static URI panelLink(Groups groups, Meetings meetings, JoinLinks links, String meetingId, String personId) {
        var meeting = meetings.meeting(MAILER, meetingId);
        return URI.create(links.issue(MAILER, meeting, groups.roster(MAILER, meeting.groupId()), personId).get(0).url());
    }

    /** Rooms that should open or end, then mail that is due; each failure is retried at the next sweep. */
    private void sweep() {
        try {
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

    public static App start(AppConfig config, Clock clock) throws Exception {
        Files.createDirectories(config.dataDir());
        Database db = Database.open(config.database());
        App app;
        try {
            app = new App(config, clock, db);
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

    public RoomRegistry rooms() { return rooms; }

    public RoomTokens tokens() { return tokens; }

    public Admin admin() { return admin; }

    public AppConfig config() { return config; }

    public Database database() { return db; }

    public MailScheduler mail() { return mail; }

    public RoomSchedule roomSchedule() { return roomSchedule; }

    /** Stops accepting, tells clients to come back later, writes what is queued, then releases the database. */
    @Override public void close() throws Exception {
        rooms.closeAll(CloseCodes.SERVER_RESTART, "server restarting");
        try {
            web.close();
        } finally {
            timers.shutdownNow();
            mailTimer.shutdownNow();
            zoomWorkers.shutdown();
            if (zoom instanceof AutoCloseable closeable) closeable.close();
            roomPool.shutdown();
            roomPool.awaitTermination(5, TimeUnit.SECONDS);
            journal.close();
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
