package org.balintcompanion.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.balintcompanion.admin.Account;
import org.balintcompanion.admin.Fields;
import org.balintcompanion.admin.Groups;
import org.balintcompanion.live.CloseCodes;
import org.balintcompanion.room.Command;
import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.PhaseTemplate;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.room.ZoomPresence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin pages, the tech check and the leaders' backchannel, in headless Chromium against the real server with
 * its real admin API. The administrator's browser prefers French and lives in Montreal (its time zone is overridden),
 * so a group planned in Paris shows both times. After each test no browser may have logged an error, except the
 * API refusals the scenario provokes on purpose (Chromium logs every 4xx answer to fetch as a failed load).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class AdminBrowserTest {
    private static final String EMAIL = "admin@society.example";
    private static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** Refusals the scenarios ask for: not signed in yet (401), a bad address (400), a confirmation (409). */
    private static final Pattern EXPECTED_REFUSAL = Pattern.compile(
            ".*/api/\\S* - Failed to load resource: the server responded with a status of (400|401|409) .*");

    private static TestServer server;
    private static Browser admin;   // the administrator, then the leader Léa: laptop, French, in Montreal
    private static Browser amelie;  // a member on her phone, English
    private static Browser hugo;    // the co-leader, laptop, English

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Map.of("BALINT_PASSWORD_ITERATIONS", "10000", "BALINT_MAIL_SWEEP_SECONDS", "0"));
        server.app.admin().sessions().ensureFirstAdmin(EMAIL, PASSWORD);
        var a = CompletableFuture.supplyAsync(() -> Browser.start("admin", 1280, 900, "fr-FR,fr", Browser.FAKE_MEDIA));
        var m = CompletableFuture.supplyAsync(() -> Browser.start("amelie", 390, 844, "en-US,en"));
        var h = CompletableFuture.supplyAsync(() -> Browser.start("hugo", 1280, 900, "en-US,en"));
        admin = a.get(60, TimeUnit.SECONDS);
        amelie = m.get(60, TimeUnit.SECONDS);
        hugo = h.get(60, TimeUnit.SECONDS);
        admin.driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "America/Montreal"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (Browser b : new Browser[] {admin, amelie, hugo}) if (b != null) b.close();
        if (server != null) server.close();
    }

    @AfterEach
    void noErrorsInAnyBrowserConsole() {
        for (Browser b : List.of(admin, amelie, hugo)) {
            List<String> errors = b.severeLogs().stream().filter(line -> !EXPECTED_REFUSAL.matcher(line).matches()).toList();
            assertEquals(List.of(), errors, b.who + "'s browser logged errors");
            if (b.driver.getCurrentUrl().startsWith(server.base)) b.js("localStorage.removeItem('balint.lang')");
        }
    }

    // ---- scenarios -----------------------------------------------------------------------------------------------

    @Test
    void anAdminPlansAGroup_opensAMeetingsRoom_andIssuesLinks_thenAMemberRaisesAHandTheLeaderSees() throws Exception {
        Path shots = screenshots();
        int n = COUNTER.incrementAndGet();
        admin.open(server.base + "/");
        admin.driver.manage().deleteAllCookies();
        admin.open(server.base + "/admin/");
        admin.awaitAttribute("body", "data-view", "signin");
        assertEquals("Se connecter", admin.text("#signin-title"));
        admin.screenshot(shots.resolve("admin-signin-390.png"), 390);
        assertEquals(List.of(), MeetingBrowserTest.layoutProblems(admin), "sign-in page at 390 px");
        admin.screenshot(shots.resolve("admin-signin-1280.png"), 1280);
        admin.resize(1280, 900);
        signIn(admin);
        assertEquals("Groupes", admin.text("#admin-nav a[aria-current='page']"));

        // People: a refused address is explained in French next to the field, then corrected.
        admin.click("#admin-nav [data-section='people']");
        admin.awaitShown("#person-form");
        String bastien = "Bastien Leroy " + n;
        fill(admin, "#person-form [data-field='displayName']", bastien);
        fill(admin, "#person-form [data-field='email']", "bastien@");
        admin.click("#person-submit");
        admin.awaitText("#person-form [data-field-wrap='email'] .field-error", "« bastien@ » n’est pas une adresse e-mail.");
        assertEquals("true", admin.find("#person-form [data-field='email']").getDomAttribute("aria-invalid"));
        fill(admin, "#person-form [data-field='email']", "bastien" + n + "@example.org");
        admin.click("#person-submit");
        admin.awaitShown("#people-list li a");
        String lea = addPerson(admin, "Léa Martin " + n, "lea" + n + "@example.org", "fr", "Europe/Paris");
        String amelieName = "Amélie Dubois " + n;
        addPerson(admin, amelieName, "amelie" + n + "@example.org", "en", "America/Montreal");

        // Bastien supervises Amélie: a declared tie.
        admin.click(personLink(bastien));
        admin.awaitText("#person-edit-title", bastien);
        new Select(admin.find("#tie-person")).selectByVisibleText(amelieName);
        admin.click("#tie-add");
        admin.awaitText("#tie-list", amelieName);
        admin.js("document.activeElement.blur()");
        admin.screenshot(shots.resolve("admin-people-1280.png"), 1280);
        admin.screenshot(shots.resolve("admin-people-390.png"), 390);
        assertEquals(List.of(), MeetingBrowserTest.layoutProblems(admin), "people page at 390 px");
        assertEquals(List.of(), admin.axeViolations(), "people page");
        admin.resize(1280, 900);

        // A group, planned in Paris.
        admin.click("#admin-nav [data-section='groups']");
        admin.click("#new-group");
        String groupName = "Groupe du mardi " + n;
        fill(admin, "form[data-form='group'] [data-field='name']", groupName);
        assertEquals("Europe/Paris", admin.find("form[data-form='group'] [data-field='timeZone']").getDomProperty("value"));
        admin.click("#group-save");
        admin.awaitText("#group-title", groupName);

        // The roster: Léa leads; Amélie and Bastien are members, which needs a confirmation because of their tie.
        addToRoster(admin, "Léa Martin " + n, "LEADER");
        addToRoster(admin, amelieName, "MEMBER");
        tick(admin, bastien);
        new Select(admin.find("#roster-role")).selectByValue("MEMBER");
        admin.click("#roster-add-btn");
        admin.awaitShown("#roster-confirm");
        assertEquals("Confirmation nécessaire", admin.text("#roster-confirm h3"));
        assertEquals(bastien + " supervise " + amelieName + " (lien déclaré) : il ne devrait pas y avoir de hiérarchie entre les membres.",
                admin.text("#roster-warnings li"));
        assertEquals(2, admin.findAll("#roster-list .roster-row").size(), "nothing changed before the confirmation");
        admin.click("#roster-confirm-btn");
        admin.awaitHidden("#roster-confirm");
        admin.await(d -> admin.findAll("#roster-list .roster-row").size() == 3, "three people on the roster");
        assertEquals(List.of("Léa Martin " + n, amelieName, bastien),
                admin.findAll("#roster-list .roster-name").stream().map(WebElement::getText).toList());

        // A monthly series from Tuesday 12 January 2027, 19:30 in Paris: 13:30 in Montreal.
        admin.awaitShown("#series-form");
        assertEquals("MONTHLY", new Select(admin.find("#series-cadence")).getFirstSelectedOption().getDomAttribute("value"));
        admin.js("const i = document.getElementById('series-first'); i.value = '2027-01-12T19:30';"
                + "i.dispatchEvent(new Event('input', {bubbles: true}));");
        fill(admin, "#series-occurrences", "10");
        admin.click("#series-submit");
        admin.await(d -> admin.findAll("#meeting-list li[data-key]").size() == 10, "ten meetings");
        List<String> times = admin.findAll("#meeting-list .meeting-when").stream().map(WebElement::getText).toList();
        assertEquals("mar. 12 janv. 2027, 19:30 (heure de Paris) — chez vous 13:30", times.get(0));
        assertEquals("mar. 9 févr. 2027, 19:30 (heure de Paris) — chez vous 13:30", times.get(1));
        assertEquals("mar. 13 juil. 2027, 19:30 (heure de Paris) — chez vous 13:30", times.get(6), "summer time on both sides");
        assertTrue(admin.text("#series-list").contains("Chaque mois"), admin.text("#series-list"));
        admin.js("document.getElementById('plan-details').open = false; document.activeElement.blur()");
        admin.screenshot(shots.resolve("admin-group-1280.png"), 1280);
        admin.screenshot(shots.resolve("admin-group-390.png"), 390);
        assertEquals(List.of(), MeetingBrowserTest.layoutProblems(admin), "group page at 390 px");
        admin.resize(1280, 900);

        // The first meeting: open its room and issue everyone's link.
        admin.click("#meeting-list li:first-child .meeting-link");
        admin.awaitText("#meeting-when", "mar. 12 janv. 2027, 19:30 (heure de Paris) — chez vous 13:30");
        admin.awaitText("#zoom-status", "Zoom non relié");
        admin.awaitText("#rsvp-summary", "0 vient · 0 ne vient pas · 3 sans réponse");
        admin.click("#room-open");
        admin.awaitText("#room-status", "La salle est ouverte.");
        admin.click("#links-issue");
        admin.await(d -> admin.findAll("#fresh-links .fresh-row").size() == 3, "three fresh links");
        admin.click("#fresh-links .fresh-row:first-child .link-copy");
        admin.await(d -> !admin.text("#fresh-links .fresh-row:first-child .copy-done").isEmpty(), "the copy to be confirmed");
        admin.await(d -> admin.findAll("#issued-links .link-row").size() == 3, "three issued links listed");
        assertEquals(List.of(), admin.axeViolations(), "a meeting's page with fresh links");
        String leaUrl = freshUrl(admin, "Léa Martin " + n);
        String amelieUrl = freshUrl(admin, amelieName);
        String amelieId = (String) admin.js("return [...document.querySelectorAll('#fresh-links .fresh-row')]"
                + ".find(r => r.querySelector('.link-name').textContent === arguments[0]).dataset.person", amelieName);
        assertTrue(leaUrl.contains("/lead/#token=") && amelieUrl.contains("/join/#token="), leaUrl + " " + amelieUrl);
        admin.js("document.activeElement.blur()");
        admin.screenshot(shots.resolve("admin-meeting-1280.png"), 1280);
        admin.screenshot(shots.resolve("admin-meeting-390.png"), 390);
        admin.resize(1280, 900);

        // Léa opens the console from her link, Amélie her panel from hers; Amélie raises her hand, Léa sees it.
        admin.open(leaUrl);
        admin.awaitConnected();
        amelie.open(amelieUrl);
        amelie.awaitConnected();
        MeetingBrowserTest.passChecklist(amelie);
        amelie.click("#hand-btn");
        amelie.awaitAttribute("#hand-btn", "data-state", "raised");
        admin.awaitShown("#queue-list li[data-key='" + amelieId + "']");
        assertEquals("Donner la parole à " + amelieName, admin.text("#give-next-btn"));

        // Back in the admin pages (still signed in), the meeting ends: Amélie's panel says so.
        admin.open(server.base + "/admin/#/meetings/" + meetingIdOf(leaUrl));
        admin.awaitText("#room-status", "La salle est ouverte.");
        admin.click("#room-end");
        admin.awaitText("#room-end", "Confirmer : terminer la séance");
        admin.click("#room-end");
        admin.awaitText("#room-status", "La salle n’est pas ouverte.");
        amelie.awaitShown("#view-terminal");
        amelie.awaitText("#terminal-message", "The meeting has ended");
    }

    @Test
    void theAdminPagesSpeakEnglishToo_andAnErrorFollowsTheLanguageSwitch() throws Exception {
        int n = COUNTER.incrementAndGet();
        String groupId = seedGroupWithSeries("Thursday group " + n);
        admin.open(server.base + "/admin/");
        signIn(admin);
        admin.click("#lang-switch [data-lang='en']");
        admin.awaitText("#admin-nav [data-section='people']", "People");
        assertEquals(List.of("Groups", "People", "Zoom presets", "E-mail", "Audit log"),
                admin.findAll("#admin-nav a").stream().map(WebElement::getText).toList());
        assertEquals("Sign out", admin.text("#sign-out"));

        admin.open(server.base + "/admin/#/groups/" + groupId);
        admin.awaitText("#group-title", "Thursday group " + n);
        admin.awaitText("#meeting-list li:first-child .meeting-when", "(Paris time) — your time 13:30");
        assertTrue(admin.text("#meeting-list li:first-child .meeting-when").startsWith("Thu 14 Jan 2027, 19:30"),
                admin.text("#meeting-list li:first-child .meeting-when"));
        admin.click("#lang-switch [data-lang='fr']");
        admin.awaitText("#meeting-list li:first-child .meeting-when", "jeu. 14 janv. 2027, 19:30 (heure de Paris) — chez vous 13:30");
        admin.click("#lang-switch [data-lang='en']");

        admin.click("#admin-nav [data-section='people']");
        admin.awaitShown("#person-form");
        fill(admin, "#person-form [data-field='displayName']", "Nobody " + n);
        fill(admin, "#person-form [data-field='email']", "not-an-address");
        admin.click("#person-submit");
        String error = "#person-form [data-field-wrap='email'] .field-error";
        admin.awaitText(error, "“not-an-address” is not an e-mail address.");
        admin.click("#lang-switch [data-lang='fr']");
        admin.awaitText(error, "« not-an-address » n’est pas une adresse e-mail.");
        assertEquals("Ajouter une personne", admin.text("#person-create-title"));

        // A Zoom preset: its settings are checked as JSON before they are sent.
        admin.click("#admin-nav [data-section='presets']");
        admin.awaitShown("#preset-form");
        fill(admin, "#preset-form [data-field='name']", "Balint strict " + n);
        fill(admin, "#preset-form [data-field='settings']", "{\"waiting_room\": true,}");
        admin.click("#preset-submit");
        admin.awaitText("#preset-form [data-field-wrap='settings'] .field-error", "Ce n’est pas du JSON valide");
        fill(admin, "#preset-form [data-field='settings']", "{\"waiting_room\": true}");
        admin.click("#preset-submit");
        admin.awaitText("#preset-form [data-field-wrap='settings'] .field-error", "Réglage inconnu « waiting_room »");
        fill(admin, "#preset-form [data-field='settings']", "{\"focusMode\": true, \"autoRecording\": \"NONE\"}");
        admin.click("#preset-submit");
        admin.awaitText("#preset-list", "Balint strict " + n);
        assertTrue(admin.text("#preset-list").contains("\"focusMode\": true"), admin.text("#preset-list"));

        // The audit log and the outbox are there for an administrator.
        admin.click("#admin-nav [data-section='audit']");
        admin.awaitShown("#audit-table");
        assertTrue(admin.text("#audit-table").contains("group.create"), "the audit log lists the group's creation");
        admin.click("#admin-nav [data-section='outbox']");
        admin.awaitText("#view-app h1", "E-mails en attente");

        // The group's settings, opened.
        admin.open(server.base + "/admin/#/groups/" + groupId);
        admin.awaitText("#group-title", "Thursday group " + n);
        admin.click("#group-settings > summary");
        admin.awaitShown("#group-save");
        admin.js("document.activeElement.blur()");
        admin.screenshot(screenshots().resolve("admin-group-settings-1280.png"), 1280);
        admin.resize(1280, 900);
    }

    @Test
    void theTechCheckShowsTheBrowserChecks_aLiveCameraAndMicrophone_andReleasesThem() throws Exception {
        Path shots = screenshots();
        admin.open(server.base + "/check/");
        admin.awaitText("h1", "Vérifier mon matériel avant la séance");
        admin.awaitAttribute("#browser-checks [data-check='websocket']", "data-state", "ok");
        for (String check : List.of("secure", "media", "audio")) {
            assertEquals("ok", admin.find("#browser-checks [data-check='" + check + "']").getDomAttribute("data-state"), check);
        }
        assertEquals("https://zoom.us/test", admin.find("#zoom-test").getDomAttribute("href"));

        admin.click("#media-start");
        admin.awaitAttribute("#video-frame", "data-state", "live");
        admin.await(d -> ((Number) admin.js("return document.getElementById('preview').videoWidth")).intValue() > 0, "a picture");
        admin.awaitText("#camera-result", "Caméra : image reçue");
        admin.awaitText("#mic-result", "Micro : le son est bien capté.");
        assertTrue(Double.parseDouble(admin.find("#mic-level").getDomAttribute("data-peak")) > 0.2, "the level moved");
        assertTrue(admin.isShown("#media-stop"));
        admin.screenshot(shots.resolve("check-1280.png"), 1280);
        admin.screenshot(shots.resolve("check-390.png"), 390);
        assertEquals(List.of(), MeetingBrowserTest.layoutProblems(admin), "tech check at 390 px");
        admin.resize(1280, 900);

        admin.click("#media-stop");
        admin.awaitText("#media-status", "Caméra et micro arrêtés et libérés.");
        assertEquals(Boolean.TRUE, admin.js("return document.getElementById('preview').srcObject === null"));
        assertEquals("0", admin.find("#mic-level").getDomAttribute("data-peak"));
        assertTrue(admin.isShown("#media-start"));

        admin.click("#lang-switch [data-lang='en']");
        admin.awaitText("h1", "Check your equipment before the meeting");
        assertEquals("Test camera and microphone", admin.text("#media-start"));
        assertTrue(admin.text("#browser-checks").contains("Live connection to the companion: works on this network."));
    }

    @Test
    void aLeadersNoteReachesTheCoLeaderButNoMember_andZoomPresenceShowsBesideThePanel() throws Exception {
        RoomId room = server.openRoom("backchannel-" + COUNTER.incrementAndGet(), PhaseTemplate.OPEN);
        // Amélie's page records the type of every frame it receives.
        Map<String, Object> script = amelie.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                (() => {
                  const Real = window.WebSocket;
                  window.__frameTypes = [];
                  window.WebSocket = class extends Real {
                    constructor(...args) {
                      super(...args);
                      this.addEventListener('message', (e) => { try { window.__frameTypes.push(JSON.parse(e.data).type); } catch (x) {} });
                    }
                  };
                })();"""));
        try {
            admin.open(server.link(room, "lea"));
            admin.awaitConnected();
            hugo.open(server.link(room, "hugo"));
            hugo.awaitConnected();
            amelie.open(server.link(room, "amelie"));
            amelie.awaitConnected();
            MeetingBrowserTest.passChecklist(amelie);

            assertEquals("Entre leaders", admin.text("#backchannel-title"));
            assertFalse(hugo.isShown("#backchannel-text"), "the notes are folded until opened or a note arrives");
            admin.click("#backchannel-panel > summary");
            assertTrue(admin.text("#backchannel-hint").contains("disparaissent à la fin de la séance"));
            assertTrue(admin.isShown("#backchannel-empty"));
            WebElement box = admin.find("#backchannel-text");
            box.sendKeys("Camille semble tendue ; on ralentit ?");
            box.sendKeys(Keys.ENTER);
            hugo.awaitText("#backchannel-list li .note-text", "Camille semble tendue ; on ralentit ?");
            assertEquals("Léa Martin", hugo.text("#backchannel-list li .note-name"));
            assertTrue(hugo.text("#backchannel-list li .note-time").matches("\\d\\d:\\d\\d"), hugo.text("#backchannel-list li .note-time"));
            admin.awaitText("#backchannel-list li .note-name", "Léa Martin (vous)");
            admin.await(d -> admin.find("#backchannel-text").getDomProperty("value").isEmpty(), "the box emptied once sent");

            // Hugo answers; both see both notes in order.
            hugo.find("#backchannel-text").sendKeys("OK, I'll take the next go-round.");
            hugo.click("#backchannel-send");
            admin.await(d -> admin.findAll("#backchannel-list li").size() == 2, "two notes at Léa's");
            assertEquals("Hugo Bernard", admin.findAll("#backchannel-list li .note-name").get(1).getText());

            admin.js("document.activeElement.blur()");
            admin.screenshot(screenshots().resolve("leader-backchannel-1280.png"), 1280);
            admin.resize(1280, 900);

            // Amélie raises her hand after the notes were relayed: her panel got that change, and never a note.
            amelie.click("#hand-btn");
            amelie.awaitAttribute("#hand-btn", "data-state", "raised");
            admin.awaitShown("#queue-list li[data-key='amelie']");
            @SuppressWarnings("unchecked")
            List<String> types = (List<String>) amelie.js("return window.__frameTypes");
            assertTrue(types.contains("snapshot") && types.contains("state"), types.toString());
            assertFalse(types.contains("backchannel"), "a member receives no backchannel frame: " + types);
            assertFalse(amelie.find("body").getText().contains("Camille semble tendue"));
            assertTrue(amelie.findAll("#backchannel-list").isEmpty(), "the member panel has no backchannel at all");

            // A co-leader who reloads gets the kept notes again, once each.
            hugo.driver.navigate().refresh();
            hugo.awaitConnected();
            hugo.await(d -> hugo.findAll("#backchannel-list li").size() == 2, "the kept notes after a reload");

            // Zoom presence beside the panel presence.
            // (shown once Zoom has reported someone: before that, "not seen" beside every name would say nothing).
            assertTrue(hugo.findAll("#seat-list .zoom-presence").isEmpty(), "no Zoom presence before Zoom reports anyone");
            server.room(room).submitSystem(new Command.ZoomSeen(MemberId.of("amelie"), ZoomPresence.ZoomEvent.JOINED_MEETING), () -> true);
            hugo.awaitText("#seat-list li[data-key='amelie'] .zoom-presence", "Zoom: in the meeting");
            assertEquals("Zoom: not seen yet", hugo.text("#seat-list li[data-key='camille'] .zoom-presence"));
            admin.awaitText("#seat-list li[data-key='amelie'] .zoom-presence", "Zoom : dans la réunion");
            server.room(room).submitSystem(new Command.ZoomSeen(MemberId.of("bastien"), ZoomPresence.ZoomEvent.ENTERED_WAITING_ROOM), () -> true);
            hugo.awaitText("#seat-list li[data-key='bastien'] .zoom-presence", "Zoom: in the waiting room");
            assertEquals("Online", hugo.text("#seat-list li[data-key='amelie'] .presence-text"));

            // The meeting ends: the notes are gone from the consoles too.
            server.app.rooms().end(room, CloseCodes.MEETING_ENDED, "meeting ended", last -> { });
            hugo.awaitShown("#view-terminal");
            assertEquals(0, hugo.findAll("#backchannel-list li").size());
            assertFalse(hugo.find("body").getText().contains("go-round."), "no note text left in the page");
        } finally {
            amelie.driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", script.get("identifier")));
        }
    }

    @Test
    void aLeaderAccountSeesOnlyTheGroupsItLeads_withoutTheAdministratorsSections() throws Exception {
        int n = COUNTER.incrementAndGet();
        var by = new Account("a-test", EMAIL, Account.Kind.ADMIN, null);
        var json = new ObjectMapper();
        String leadsId = seedGroupWithSeries("Groupe de Claire " + n);
        seedGroupWithSeries("Another group " + n);
        var claire = server.app.admin().directory().createPerson(by,
                new Fields(json.readTree("{\"displayName\":\"Claire Petit " + n + "\",\"email\":\"claire" + n + "@example.org\"}")));
        server.app.admin().groups().putOnRoster(by, leadsId, claire.id(), new Fields(json.readTree("{\"role\":\"LEADER\"}")));
        String email = "claire" + n + "@example.org";
        server.app.admin().sessions().createAccount(EMAIL, email, "a leader's long password", Account.Kind.LEADER, claire.id());

        hugo.open(server.base + "/");
        hugo.driver.manage().deleteAllCookies();
        hugo.open(server.base + "/admin/");
        hugo.awaitAttribute("body", "data-view", "signin");
        fill(hugo, "#signin-form [data-field='email']", email);
        fill(hugo, "#signin-form [data-field='password']", "not the password");
        hugo.click("#signin-submit");
        hugo.awaitText("#signin-form .form-error", "The e-mail address or the password is not right.");
        fill(hugo, "#signin-form [data-field='password']", "a leader's long password");
        hugo.click("#signin-submit");
        hugo.awaitAttribute("body", "data-view", "app");
        hugo.awaitShown("#group-list");
        assertEquals(List.of("Groupe de Claire " + n), hugo.findAll("#group-list .group-name").stream().map(WebElement::getText).toList());
        assertEquals(List.of("Groups"), hugo.findAll("#admin-nav a").stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList());
        assertFalse(hugo.isShown("#new-group"));
        assertTrue(hugo.text("#account-line").endsWith("· leader"), hugo.text("#account-line"));

        hugo.click("#group-list .group-card");
        hugo.awaitText("#group-title", "Groupe de Claire " + n);
        assertEquals("Leader", hugo.text("#roster-list .tag-role"), "the roster is shown, not editable");
        assertTrue(hugo.findAll("#roster-list select").isEmpty());
        assertFalse(hugo.isShown("#roster-add-btn"));
        hugo.click("#group-settings > summary");
        hugo.awaitText("#group-settings", "Only an administrator changes a group’s settings.");
        assertTrue(hugo.isShown("#series-form") || hugo.isShown("#plan-details"), "a leader plans the group's meetings");

        // An administrator's section typed into the address bar leads back to the groups.
        hugo.open(server.base + "/admin/#/audit");
        hugo.awaitShown("#group-list");
        hugo.click("#sign-out");
        hugo.awaitAttribute("body", "data-view", "signin");
        hugo.awaitText("#signin-note", "You are signed out.");
    }

    @Test
    void signedOutTheAdminPageLogsNoError_severalPeopleJoinARosterAtOnce_andAGroupCanBeDeleted() throws Exception {
        int n = COUNTER.incrementAndGet();
        var by = new Account("a-test", EMAIL, Account.Kind.ADMIN, null);
        var json = new ObjectMapper();
        String groupName = "Groupe à supprimer " + n;
        String groupId = seedGroupWithSeries(groupName);
        var names = new ArrayList<String>();
        for (int i = 1; i <= 4; i++) {
            String name = "Membre " + n + "-" + i;
            server.app.admin().directory().createPerson(by, new Fields(json.readTree("{\"displayName\":\"" + name + "\"}")));
            names.add(name);
        }

        hugo.open(server.base + "/");
        hugo.driver.manage().deleteAllCookies();
        hugo.js("localStorage.clear()");
        hugo.severeLogs();
        hugo.open(server.base + "/admin/");
        hugo.awaitAttribute("body", "data-view", "signin");
        assertEquals(List.of(), hugo.severeLogs(), "a signed-out load asks nothing it knows will be refused");
        assertEquals(List.of(), hugo.axeViolations(), "the sign-in page");
        signIn(hugo);

        hugo.open(server.base + "/admin/#/groups/" + groupId);
        hugo.awaitText("#group-title", groupName);
        for (String name : names.subList(0, 3)) tick(hugo, name);
        hugo.click("#roster-add-btn");
        hugo.await(d -> hugo.findAll("#roster-list .roster-row").size() == 3, "three people added with one click");
        assertEquals(List.of(names.get(0), names.get(1), names.get(2)), hugo.findAll("#roster-list .roster-name").stream()
                .map(WebElement::getText).sorted().toList());
        assertEquals("Member", new Select(hugo.find("#roster-list .roster-role")).getFirstSelectedOption().getText());
        assertEquals(List.of(), MeetingBrowserTest.layoutProblems(hugo).stream().filter(p -> p.contains("roster-role")).toList());
        long roleWidth = hugo.find("#roster-list .roster-role").getSize().getWidth();
        long textWidth = ((Number) hugo.js("""
                const s = document.querySelector('#roster-list .roster-role');
                const c = document.createElement('canvas').getContext('2d');
                c.font = getComputedStyle(s).font;
                return Math.max(...[...s.options].map((o) => c.measureText(o.text).width));""")).longValue();
        assertTrue(roleWidth > textWidth + 20, "the role select shows its whole text: " + roleWidth + " px for " + textWidth);
        assertEquals(List.of(), hugo.axeViolations(), "a group's page");

        hugo.click("#group-settings > summary");
        hugo.click("#group-delete");
        hugo.awaitText("#group-delete", "Confirm");
        hugo.click("#group-delete");
        hugo.awaitShown("#group-list");
        assertTrue(hugo.findAll("#group-list .group-name").stream().noneMatch(e -> e.getText().equals(groupName)));
        assertTrue(server.app.admin().groups().visibleTo(by).stream().noneMatch(g -> g.id().equals(groupId)), "deleted on the server");
    }

    @Test
    void theOutboxReadsAtAPhonesWidth_andAnAdministratorReadsAMessageInIt() throws Exception {
        int n = COUNTER.incrementAndGet();
        var by = new Account("a-test", EMAIL, Account.Kind.ADMIN, null);
        var json = new ObjectMapper();
        Groups.Group g = server.app.admin().groups().save(by, null,
                new Fields(json.readTree("{\"name\":\"Groupe de demain " + n + "\",\"timeZone\":\"Europe/Paris\"}")));
        var ana = server.app.admin().directory().createPerson(by, new Fields(json.readTree(
                "{\"displayName\":\"Ana Silva " + n + "\",\"email\":\"ana" + n + "@example.org\",\"language\":\"fr\"}")));
        server.app.admin().groups().putOnRoster(by, g.id(), ana.id(), new Fields(json.readTree("{\"role\":\"MEMBER\"}")));
        String tomorrow = java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Paris")).plusDays(1).withSecond(0).withNano(0).toString();
        server.app.admin().meetings().createSeries(by, g, new Fields(json.readTree(
                "{\"cadence\":\"SINGLE\",\"firstStart\":\"" + tomorrow.substring(0, 16) + "\",\"occurrences\":1}")));
        server.app.mail().runOnce();

        amelie.open(server.base + "/admin/");
        signIn(amelie);
        amelie.open(server.base + "/admin/#/outbox");
        amelie.await(d -> amelie.findAll("#outbox-list .outbox-to").stream().anyMatch(e -> e.getText().equals("ana" + n + "@example.org")),
                "Ana's invitation in the outbox");
        assertEquals(List.of(), MeetingBrowserTest.layoutProblems(amelie), "the outbox at 390 px");
        WebElement item = amelie.findAll("#outbox-list .outbox-item").stream()
                .filter(e -> e.getText().contains("ana" + n + "@example.org")).findFirst().orElseThrow();
        item.findElement(By.cssSelector("summary")).click();
        amelie.await(d -> item.findElement(By.cssSelector(".outbox-text")).getText().startsWith("Bonjour Ana Silva " + n),
                "the message's text");
        assertEquals(List.of(), amelie.axeViolations(), "the outbox with a message open");

        // Ana answers from the message: the answer page is styled, dated, with a main landmark and a real button.
        String text = item.findElement(By.cssSelector(".outbox-text")).getText();
        var yes = java.util.regex.Pattern.compile("Je viendrai : (\\S+)").matcher(text);
        assertTrue(yes.find(), text);
        amelie.open(yes.group(1));
        amelie.awaitText("#rsvp-answer", "Vous viendrez");
        assertTrue(amelie.text("#rsvp-when").contains("(heure de Paris)"), amelie.text("#rsvp-when"));
        assertTrue(amelie.isShown("main .btn-large"));
        assertTrue(amelie.find("main button").getSize().getHeight() >= 44);
        assertEquals(List.of(), amelie.axeViolations(), "the answer page");
    }

    @Test
    void theFirstAdministratorComesFromTheOneTimeSetupLink() throws Exception {
        try (TestServer fresh = TestServer.start(Map.of("BALINT_PASSWORD_ITERATIONS", "10000", "BALINT_MAIL_SWEEP_SECONDS", "0"))) {
            String token = fresh.app.admin().sessions().newSetupToken();
            amelie.open(fresh.base + "/admin/#setup=" + token);
            amelie.awaitAttribute("body", "data-view", "setup");
            assertEquals(fresh.base + "/admin/", amelie.driver.getCurrentUrl(), "the token leaves the address bar at once");
            assertEquals("Create the first administrator account", amelie.text("#setup-title"));
            fill(amelie, "#setup-form [data-field='email']", "first@society.example");
            fill(amelie, "#setup-form [data-field='password']", "too short");
            amelie.click("#setup-submit");
            amelie.awaitText("#setup-form [data-field-wrap='password'] .field-error", "A password needs at least 12 characters.");
            fill(amelie, "#setup-form [data-field='password']", "a long first password");
            amelie.click("#setup-submit");
            amelie.awaitAttribute("body", "data-view", "app");
            amelie.awaitText("#account-line", "first@society.example · administrator");
            assertTrue(fresh.app.admin().sessions().anyAccount());
            assertEquals(null, fresh.app.admin().sessions().newSetupToken(), "no new setup link once an administrator exists");
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static Path screenshots() {
        Path cwd = Path.of("").toAbsolutePath();
        Path root = Files.isDirectory(cwd.resolve("docs")) ? cwd : cwd.getParent();
        return root.resolve("docs").resolve("screenshots");
    }

    /** Signs in on the admin page this browser shows, unless its session cookie is still good. */
    private static void signIn(Browser b) {
        b.await(d -> List.of("signin", "app").contains(b.find("body").getDomAttribute("data-view")), "the admin page to load");
        if ("signin".equals(b.find("body").getDomAttribute("data-view"))) {
            fill(b, "#signin-form [data-field='email']", EMAIL);
            fill(b, "#signin-form [data-field='password']", PASSWORD);
            b.click("#signin-submit");
        }
        b.awaitAttribute("body", "data-view", "app");
        b.awaitShown("#admin-nav");
    }

    private static void fill(Browser b, String css, String text) {
        b.awaitShown(css);
        WebElement e = b.find(css);
        e.clear();
        e.sendKeys(text);
    }

    /** Adds a person from the people page; returns their id. */
    private static String addPerson(Browser b, String name, String email, String language, String zone) {
        b.awaitShown("#person-create");
        fill(b, "#person-form [data-field='displayName']", name);
        fill(b, "#person-form [data-field='email']", email);
        new Select(b.find("#person-form [data-field='language']")).selectByValue(language);
        fill(b, "#person-form [data-field='timeZone']", zone);
        b.click("#person-submit");
        b.await(d -> !b.findAll(personLink(name)).isEmpty(), name + " in the list");
        return b.find(personLink(name)).findElement(By.xpath("..")).getDomAttribute("data-key");
    }

    private static String personLink(String name) {
        return "#people-list li[data-key] a[data-name='" + name + "']";
    }

    private static void addToRoster(Browser b, String name, String role) {
        int before = b.findAll("#roster-list .roster-row").size();
        tick(b, name);
        new Select(b.find("#roster-role")).selectByValue(role);
        b.click("#roster-add-btn");
        b.await(d -> b.findAll("#roster-list .roster-row").size() == before + 1, name + " on the roster");
    }

    /** Ticks a person among those that can join the roster. */
    private static void tick(Browser b, String name) {
        b.awaitShown("#roster-people");
        b.find("#roster-people input[data-name='" + name + "']").findElement(By.xpath("..")).click();
    }

    private static String freshUrl(Browser b, String name) {
        return (String) b.js("return [...document.querySelectorAll('#fresh-links .fresh-row')]"
                + ".find(r => r.querySelector('.link-name').textContent === arguments[0]).querySelector('.link-url').value", name);
    }

    /** The meeting id is the room id inside the link's token. */
    private static String meetingIdOf(String url) {
        String token = url.substring(url.indexOf("#token=") + 7);
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
        try {
            return new ObjectMapper().readTree(payload).get("room").asText();
        } catch (Exception e) {
            throw new AssertionError(payload, e);
        }
    }

    /** A group with a monthly series from Thursday 14 January 2027, 19:30 in Paris, made through the services. */
    private static String seedGroupWithSeries(String name) throws Exception {
        var by = new Account("a-test", EMAIL, Account.Kind.ADMIN, null);
        var json = new ObjectMapper();
        Groups.Group g = server.app.admin().groups().save(by, null,
                new Fields(json.readTree("{\"name\":\"" + name + "\",\"timeZone\":\"Europe/Paris\"}")));
        server.app.admin().meetings().createSeries(by, g,
                new Fields(json.readTree("{\"cadence\":\"MONTHLY\",\"firstStart\":\"2027-01-14T19:30\",\"occurrences\":3}")));
        return g.id();
    }
}
