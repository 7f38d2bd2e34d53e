package org.balintcompanion.mail;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.balintcompanion.config.AppConfig;
import org.balintcompanion.support.AdminClient;
import org.balintcompanion.support.MovableClock;
import org.balintcompanion.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invitations, RSVP and reminders received by a real SMTP server (GreenMail), with the clock moved by the test. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class InvitationsTest {
    @RegisterExtension static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final Map<String, String> SMTP = Map.of("BALINT_SMTP_HOST", "127.0.0.1",
            "BALINT_SMTP_PORT", String.valueOf(ServerSetupTest.SMTP.getPort()), "BALINT_SMTP_STARTTLS", "false",
            "BALINT_MAIL_FROM", "Groupe Balint <balint@society.example>");
    private static final Pattern LINK = Pattern.compile("(https?://\\S+/rsvp\\?t=\\S+)");

    private final MovableClock clock = new MovableClock(Instant.parse("2027-02-20T12:00:00Z"));
    private TestServer server;
    private AdminClient admin;
    private final Map<String, String> people = new java.util.HashMap<>();

    @AfterEach void stop() throws Exception { if (server != null) server.close(); }

    /** Léa (leader, Paris, French), Ana (Paris, French) and Bob (Montreal, English) in one group. */
    private String group(Map<String, String> env) throws Exception {
        server = TestServer.start(env, clock);
        server.app().admin().sessions().ensureFirstAdmin("admin@society.example", "correct horse battery");
        admin = new AdminClient(server);
        admin.signIn("admin@society.example", "correct horse battery");
        String g = admin.post("/api/groups", Map.of("name", "Groupe du mardi", "timeZone", "Europe/Paris")).text("id");
        person(g, "lea", "Léa Durand", "fr", "Europe/Paris", "LEADER");
        person(g, "ana", "Ana Silva", "fr", "Europe/Paris", "MEMBER");
        person(g, "bob", "Bob Tremblay", "en", "America/Montreal", "MEMBER");
        return g;
    }

    private void person(String group, String key, String name, String lang, String zone, String role) throws Exception {
        String id = admin.post("/api/people", Map.of("displayName", name, "email", key + "@example.org", "language", lang,
                "timeZone", zone)).text("id");
        admin.put("/api/groups/" + group + "/roster/" + id, Map.of("role", role));
        people.put(key, id);
    }

    private List<String> series(String group, String cadence, String first, int n) throws Exception {
        var ids = new ArrayList<String>();
        admin.post("/api/groups/" + group + "/series", Map.of("cadence", cadence, "firstStart", first, "durationMinutes", 120,
                "occurrences", n)).body().path("meetings").forEach(m -> ids.add(m.path("id").asText()));
        return ids;
    }

    private MimeMessage[] received() { return smtp.getReceivedMessages(); }

    /** Moving the clock by days outlives the admin session (12 h): sign in again, as an admin would. */
    private void at(String instant) throws Exception {
        clock.set(Instant.parse(instant));
        admin = new AdminClient(server);
        admin.signIn("admin@society.example", "correct horse battery");
    }

    private static List<MimeMessage> to(MimeMessage[] all, String who) throws Exception {
        var out = new ArrayList<MimeMessage>();
        for (MimeMessage m : all) if (m.getAllRecipients()[0].toString().equals(who + "@example.org")) out.add(m);
        return out;
    }

    @Test void membersInParisAndMontrealGetTheirInvitationInTheirLanguageWithTheRightTimesAndACalendar() throws Exception {
        String g = group(SMTP);
        // Monthly on the third Tuesday: on 16 March North America is on summer time and Europe not yet (5 hours
        // apart); on 20 April both are (6 hours apart).
        List<String> meetings = series(g, "MONTHLY", "2027-03-16T19:30", 2);
        assertEquals(0, server.app().mail().runOnce(), "invitations go out seven days ahead, not before");

        at("2027-03-10T12:00:00Z");
        assertEquals(3, server.app().mail().runOnce(), "the first meeting's invitations, one per person");
        at("2027-04-14T12:00:00Z");
        assertEquals(3, server.app().mail().runOnce(), "the second meeting's invitations; the first is over, its reminders skipped");

        MimeMessage bobMarch = first(to(received(), "bob"), "16 March");
        String bobText = text(bobMarch);
        assertTrue(bobMarch.getSubject().startsWith("Invitation: Groupe du mardi — Tuesday 16 March 2027"), bobMarch.getSubject());
        assertTrue(bobText.contains("7:30 PM to 9:30 PM (Paris time)"), bobText);
        assertTrue(bobText.contains("2:30 PM to 4:30 PM (Montreal time)"), "five hours apart in March: " + bobText);
        assertTrue(text(first(to(received(), "bob"), "Invitation: Groupe du mardi — Tuesday 20 April")).contains("1:30 PM to 3:30 PM (Montreal time)"),
                "six hours apart once both have changed");

        MimeMessage ana = first(to(received(), "ana"), "16 mars");
        assertTrue(ana.getSubject().startsWith("Invitation : Groupe du mardi — mardi 16 mars 2027"), ana.getSubject());
        assertTrue(text(ana).contains("mardi 16 mars 2027, de 19:30 à 21:30"), text(ana));
        assertFalse(text(ana).contains("Chez vous"), "same zone as the group: one time only");

        VEvent event = event(calendar(ana));
        assertEquals("2027-03-16T19:30+01:00", event.getDateTimeStart().getDate().toString().substring(0, 22));
        assertEquals(meetings.get(0) + "@balint-companion", event.getUid().get().getValue());
        assertEquals("0", event.getSequence().getValue());
        assertTrue(calendar(ana).toString().contains("TZID:Europe/Paris"));
        assertTrue(calendar(ana).toString().contains("METHOD:REQUEST"));
        int sent = received().length;
        server.app().mail().runOnce();
        assertEquals(sent, received().length, "running again sends nothing twice");
    }

    @Test void answersShowUpForLeadersAndRemindersGoOnlyToThoseWhoHaveNotAnswered() throws Exception {
        String g = group(SMTP);
        String m = series(g, "SINGLE", "2027-03-02T19:30", 1).get(0);
        at("2027-02-24T12:00:00Z");
        server.app().mail().runOnce();
        assertEquals(3, received().length);

        String anaYes = link(text(first(to(received(), "ana"), "")), "Je viendrai");
        assertEquals(200, answer(anaYes).statusCode());
        String bobNo = link(text(first(to(received(), "bob"), "")), "I can't come");
        var bobPage = answer(bobNo);
        assertTrue(bobPage.body().contains("You cannot come"), bobPage.body());
        // The answer page looks like the others: the meeting's date in Bob's language and zone, a main landmark, a
        // real button, the site's styles and icon.
        assertTrue(bobPage.body().contains("Tuesday 2 March 2027 at 1:30 PM (Montreal time)"), bobPage.body());
        for (String part : List.of("<html lang=\"en\">", "<main", "class=\"btn ", "/shared/styles.css", "/shared/icon.svg")) {
            assertTrue(bobPage.body().contains(part), part + " in " + bobPage.body());
        }
        // Bob changes his mind with the link on the page.
        Matcher change = Pattern.compile("name=\"t\" value=\"([^\"]+)\"").matcher(bobPage.body());
        assertTrue(change.find());
        assertTrue(post(change.group(1)).body().contains("You will come"));

        JsonNode answers = admin.get("/api/meetings/" + m + "/rsvp").body();
        assertEquals(Boolean.TRUE, coming(answers, people.get("ana")));
        assertEquals(Boolean.TRUE, coming(answers, people.get("bob")));
        assertNull(coming(answers, people.get("lea")));

        at("2027-02-28T19:00:00Z");   // 47.5 hours before
        server.app().mail().runOnce();
        assertEquals(1, to(received(), "lea").stream().filter(this::isReminder).count(), "Léa has not answered");
        assertEquals(0, to(received(), "ana").stream().filter(this::isReminder).count());
        assertEquals(0, to(received(), "bob").stream().filter(this::isReminder).count());

        at("2027-03-02T17:45:00Z");   // 45 minutes before
        server.app().mail().runOnce();
        assertEquals(1, to(received(), "ana").stream().filter(x -> subject(x).startsWith("Bientôt")).count(), "last call with the links");

        at("2027-03-02T19:00:00Z");   // the meeting has started
        assertEquals(410, answer(anaYes).statusCode(), "answers close when the meeting starts");
    }

    @Test void aTamperedOrMeaninglessAnswerLinkGetsAClearPage() throws Exception {
        group(SMTP);
        var r = post("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwLXgifQ.forged");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("n’est pas valide"), r.body());
        assertEquals(400, post("").statusCode());
        var page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.http("/rsvp?t=abc").toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), "opening a link only shows the page; the answer is posted from it");
        assertTrue(page.body().contains("/rsvp/submit.js"));
    }

    @Test void aMovedMeetingSendsAnUpdateAndACancelledOneACancellation() throws Exception {
        String g = group(SMTP);
        String m = series(g, "SINGLE", "2027-03-02T19:30", 1).get(0);
        at("2027-02-24T12:00:00Z");
        server.app().mail().runOnce();
        admin.patch("/api/meetings/" + m, Map.of("start", "2027-03-03T19:30"));
        server.app().mail().runOnce();
        MimeMessage changed = to(received(), "ana").stream().filter(x -> subject(x).startsWith("Modifié")).findFirst().orElseThrow();
        assertEquals("1", event(calendar(changed)).getSequence().getValue());
        assertEquals(m + "@balint-companion", event(calendar(changed)).getUid().get().getValue(), "same UID: calendars update the event");

        admin.patch("/api/meetings/" + m, Map.of("status", "CANCELLED"));
        server.app().mail().runOnce();
        MimeMessage cancelled = to(received(), "bob").stream().filter(x -> subject(x).startsWith("Cancelled")).findFirst().orElseThrow();
        assertTrue(calendar(cancelled).toString().contains("METHOD:CANCEL"));
        assertTrue(calendar(cancelled).toString().contains("STATUS:CANCELLED"));
    }

    @Test void aRestartBetweenTheDueTimeAndTheSendStillSendsWhatIsUsefulAndSkipsWhatIsNot() throws Exception {
        String g = group(SMTP);
        String soon = series(g, "SINGLE", "2027-03-02T19:30", 1).get(0);
        String past = series(g, "SINGLE", "2027-02-25T19:30", 1).get(0);
        at("2027-02-22T12:00:00Z");
        server.app().mail().runOnce();   // plans and sends the invitations for both meetings
        int before = received().length;

        // Reminders fall due while the server is down; one meeting is over by the time it comes back.
        at("2027-02-28T21:00:00Z");
        server = server.restart(SMTP, clock);
        server.app().mail().runOnce();
        assertTrue(received().length > before, "the due reminder for the coming meeting went out at start");
        admin = new AdminClient(server);
        admin.signIn("admin@society.example", "correct horse battery");
        JsonNode jobs = admin.get("/api/meetings/" + past + "/mail").body();
        boolean skipped = false;
        for (JsonNode j : jobs) if (j.path("kind").asText().equals("REMINDER")) skipped |= j.path("status").asText().equals("SKIPPED");
        assertTrue(skipped, "a reminder for a meeting that has passed is skipped, not sent: " + jobs);
        assertTrue(admin.get("/api/meetings/" + soon + "/mail").body().toString().contains("\"status\":\"SENT\""));
    }

    @Test void twoSchedulersOnOneDatabaseSendEachMessageOnce() throws Exception {
        String g = group(SMTP);
        series(g, "WEEKLY", "2027-03-23T19:30", 4);
        server.app().mail().runOnce();   // plans the messages; none is due yet
        at("2027-03-22T12:00:00Z");   // the first meeting's invitations and reminders are due, nothing else yet
        var app = server.app();
        var settings = AppConfig.fromEnv(Map.of("BALINT_DATA_DIR", app.config().dataDir().toString(), "BALINT_SMTP_HOST", "127.0.0.1",
                "BALINT_SMTP_PORT", String.valueOf(ServerSetupTest.SMTP.getPort()), "BALINT_SMTP_STARTTLS", "false"), List.of()).mail();
        var other = new MailScheduler(app.database(), new SmtpMailer(settings), "balint@society.example",
                new org.balintcompanion.auth.RsvpTokens(app.config().tokenKey(), clock), (m, p) -> URI.create("http://x/join/"),
                app.config().publicUrl(), clock);
        Thread a = Thread.ofPlatform().start(() -> app.mail().runOnce());
        Thread b = Thread.ofPlatform().start(other::runOnce);
        a.join();
        b.join();
        app.mail().runOnce();
        other.runOnce();
        var subjects = new ArrayList<String>();
        for (MimeMessage x : received()) subjects.add(x.getAllRecipients()[0] + " " + x.getSubject());
        assertEquals(subjects.size(), new java.util.HashSet<>(subjects).size(), "no message twice: " + subjects);
        assertEquals(6, subjects.size(), "three invitations and three reminders: " + subjects);
    }

    @Test void aMeetingPlannedForTomorrowSendsItsInvitationWithoutAReminderInTheSameMinute() throws Exception {
        String g = group(SMTP);
        String m = series(g, "SINGLE", "2027-02-21T19:30", 1).get(0);   // the clock says 20 February, noon
        assertEquals(3, server.app().mail().runOnce());
        assertTrue(java.util.Arrays.stream(received()).noneMatch(this::isReminder), "no reminder with the invitation");
        clock.advance(Duration.ofHours(20));
        server.app().mail().runOnce();
        assertEquals(3, received().length, "nor later: it would ask again what was just asked");
        admin = new AdminClient(server);
        admin.signIn("admin@society.example", "correct horse battery");
        assertFalse(admin.get("/api/meetings/" + m + "/mail").body().toString().contains("REMINDER"));
    }

    @Test void aFailingSmtpServerIsRetriedThenShownAsFailed() throws Exception {
        var broken = new java.util.HashMap<>(SMTP);
        broken.put("BALINT_SMTP_PORT", "1");   // nothing listens there
        String g = group(broken);
        String m = series(g, "SINGLE", "2027-03-02T19:30", 1).get(0);
        at("2027-02-24T12:00:00Z");
        for (int i = 0; i < 5; i++) {
            server.app().mail().runOnce();
            clock.advance(Duration.ofHours(2));
        }
        at("2027-02-24T22:00:00Z");
        JsonNode jobs = admin.get("/api/meetings/" + m + "/mail").body();
        JsonNode invitation = null;
        for (JsonNode j : jobs) if (j.path("kind").asText().equals("INVITATION")) invitation = j;
        assertEquals("FAILED", invitation.path("status").asText(), jobs.toString());
        assertEquals(5, invitation.path("attempts").asInt());
        assertTrue(invitation.path("note").asText().startsWith("SMTP"), invitation.toString());
    }

    @Test void withoutSmtpMessagesGoToTheOutboxListedForAdmins() throws Exception {
        String g = group(Map.of());
        series(g, "SINGLE", "2027-03-02T19:30", 1);
        at("2027-02-24T12:00:00Z");
        assertEquals(3, server.app().mail().runOnce());
        JsonNode outbox = admin.get("/api/outbox").body();
        assertEquals(3, outbox.size());
        assertTrue(java.nio.file.Files.exists(server.app().config().dataDir().resolve("outbox").resolve(outbox.get(0).path("file").asText())));
        JsonNode one = admin.get("/api/outbox/" + outbox.get(0).path("id").asText()).body();
        assertEquals(outbox.get(0).path("subject").asText(), one.path("subject").asText());
        assertTrue(one.path("text").asText().startsWith("Bonjour ") || one.path("text").asText().startsWith("Hello "), one.toString());
        assertEquals(404, admin.get("/api/outbox/nope").status());
    }

    // ---- helpers ----

    private boolean isReminder(MimeMessage m) {
        String s = subject(m);
        return s.startsWith("Pouvez-vous répondre") || s.startsWith("Can you answer");
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static MimeMessage first(List<MimeMessage> messages, String subjectPart) throws Exception {
        for (MimeMessage m : messages) if (m.getSubject().contains(subjectPart)) return m;
        throw new AssertionError("no message with '" + subjectPart + "'");
    }

    private static String text(MimeMessage m) throws Exception {
        Multipart alternatives = (Multipart) ((Multipart) m.getContent()).getBodyPart(0).getContent();
        return ((String) alternatives.getBodyPart(0).getContent()).replace("\r\n", "\n");
    }

    private static Calendar calendar(MimeMessage m) throws Exception {
        Multipart mixed = (Multipart) m.getContent();
        BodyPart ics = mixed.getBodyPart(1);
        String text = new String(ics.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new CalendarBuilder().build(new StringReader(text));
    }

    private static VEvent event(Calendar c) {
        return (VEvent) c.getComponent("VEVENT").orElseThrow();
    }

    private static String link(String text, String label) {
        for (String line : text.split("\n")) {
            if (line.startsWith(label)) {
                Matcher matcher = LINK.matcher(line);
                if (matcher.find()) return matcher.group(1);
            }
        }
        throw new AssertionError("no '" + label + "' link in " + text);
    }

    private HttpResponse<String> answer(String url) throws Exception {
        return post(url.substring(url.indexOf("?t=") + 3));
    }

    private HttpResponse<String> post(String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(server.http("/rsvp").toString()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("t=" + URLEncoder.encode(token, StandardCharsets.UTF_8))).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Boolean coming(JsonNode answers, String person) {
        for (JsonNode a : answers) if (a.path("personId").asText().equals(person)) return a.path("coming").isNull() ? null : a.path("coming").asBoolean();
        throw new AssertionError(person + " not in " + answers);
    }
}
