package org.balintcompanion.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.balintcompanion.live.CloseCodes;
import org.balintcompanion.room.Attendance;
import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.MutePolicy;
import org.balintcompanion.room.Phase;
import org.balintcompanion.room.PhaseTemplate;
import org.balintcompanion.room.Presence;
import org.balintcompanion.room.QueuePolicy;
import org.balintcompanion.room.Rejection;
import org.balintcompanion.room.Role;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.room.RoomSettings;
import org.balintcompanion.room.RoomState;
import org.balintcompanion.room.SpeakingRule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A leader and three members, each in their own headless Chromium, against the real server: the scenarios of
 * issue 5. Every test opens its own room, so the tests share the server and the browsers but not any state.
 * After each test no browser may have logged an error (console errors, failed loads, CSP violations).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MeetingBrowserTest {
    private static final AtomicInteger ROOMS = new AtomicInteger();

    private static TestServer server;
    private static Browser lea;      // the leader, on a laptop
    private static Browser amelie;   // members on phones
    private static Browser bastien;
    private static Browser camille;  // her browser prefers French

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        var leader = CompletableFuture.supplyAsync(() -> Browser.start("lea", 1280, 900, "en-US,en"));
        var a = CompletableFuture.supplyAsync(() -> Browser.start("amelie", 390, 844, "en-US,en"));
        var b = CompletableFuture.supplyAsync(() -> Browser.start("bastien", 390, 844, "en-US,en"));
        var c = CompletableFuture.supplyAsync(() -> Browser.start("camille", 390, 844, "fr-FR,fr"));
        lea = leader.get(60, TimeUnit.SECONDS);
        amelie = a.get(60, TimeUnit.SECONDS);
        bastien = b.get(60, TimeUnit.SECONDS);
        camille = c.get(60, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        for (Browser b : new Browser[] {lea, amelie, bastien, camille}) if (b != null) b.close();
        if (server != null) server.close();
    }

    @AfterEach
    void noErrorsInAnyBrowserConsole() {
        for (Browser b : List.of(lea, amelie, bastien, camille)) {
            assertEquals(List.of(), b.severeLogs(), b.who + "'s browser logged errors");
            // The FR/EN choice is remembered per browser; forget it so each test starts from the browser's language.
            if (b.driver.getCurrentUrl().startsWith(server.base)) b.js("localStorage.removeItem('balint.lang')");
        }
    }

    // ---- scenarios -----------------------------------------------------------------------------------------------

    @Test
    void memberRaisesHand_leaderSeesItAndGivesTheFloor_memberSeesTheCue() {
        RoomId room = newRoom(PhaseTemplate.OPEN);
        join(lea, room, "lea");
        join(amelie, room, "amelie");
        join(bastien, room, "bastien");
        passChecklist(amelie);
        passChecklist(bastien);
        lea.await(d -> lea.isShown("#seat-list li[data-key='amelie'] .checklist-status.is-done"), "Amélie's checklist done");

        // Bastien raises his hand from the keyboard ("H"), Amélie with the big button.
        new Actions(bastien.driver).sendKeys("h").perform();
        bastien.awaitAttribute("#hand-btn", "data-state", "raised");
        bastien.awaitText("#my-place", "you are next");
        amelie.click("#hand-btn");
        amelie.awaitText("#my-place", "you are 2nd in the queue");
        assertEquals("Lower my hand", amelie.text("#hand-label"));

        lea.awaitShown("#queue-list li[data-key='amelie']");
        assertEquals(List.of("bastien", "amelie"), keys(lea, "#queue-list > li"));
        assertEquals("Give the floor to Bastien Leroy", lea.text("#give-next-btn"));

        // The leader gives the floor to Amélie, out of turn.
        lea.click("#queue-list li[data-key='amelie'] .q-give");
        amelie.awaitShown("#floor-cue");
        assertTrue(amelie.text("#floor-cue").contains("You have the floor"));
        assertTrue(amelie.text("#floor-cue").contains("Unmute yourself in Zoom"));
        amelie.awaitText("#live-floor", "You have the floor");
        assertTrue(amelie.driver.getTitle().startsWith("●"), "the window title tells it too");
        assertFalse(amelie.find("#hand-btn").isEnabled(), "no hand to raise while speaking");
        bastien.awaitText("#now-speaking", "Amélie Dubois");
        assertEquals("You", bastien.text("#next-speaking"));
        lea.awaitText("#floor-name", "Amélie Dubois");
        lea.awaitText("#seat-list li[data-key='amelie'] .turns", "1 turn");

        // She finishes; the leader gives the floor to the next in the queue.
        amelie.click("#end-turn-btn");
        amelie.awaitHidden("#floor-cue");
        lea.awaitText("#floor-name", "Nobody");
        lea.click("#give-next-btn");
        bastien.awaitShown("#floor-cue");
        amelie.awaitText("#now-speaking", "Bastien Leroy");
        lea.awaitShown("#queue-empty");
    }

    @Test
    void pushBack_disablesThePresentersHandUntilTheLeaderBringsThemBack() {
        RoomId room = newRoom(PhaseTemplate.PUSH_BACK_TEMPLATE);
        join(lea, room, "lea");
        join(amelie, room, "amelie");
        join(bastien, room, "bastien");
        passChecklist(amelie);
        passChecklist(bastien);

        lea.click("#phase-next [data-phase='WHO_HAS_A_CASE']");
        amelie.awaitText("#phase-name", "Who has a case?");
        amelie.click("#case-btn");
        amelie.awaitAttribute("#case-btn", "aria-pressed", "true");
        lea.awaitShown("#case-list li[data-key='amelie']");
        lea.click("#case-list li[data-key='amelie'] button");
        lea.awaitText("#presenter-current", "Amélie Dubois");
        amelie.awaitText("#presenter-line", "You are presenting the case");

        lea.click("#phase-next [data-phase='TELLING']");
        amelie.awaitShown("#floor-cue");
        lea.click("#phase-next [data-phase='FACTUAL_QUESTIONS']");
        lea.click("#phase-next [data-phase='PUSH_BACK']");

        amelie.awaitShown("#listening-note");
        amelie.awaitText("#hand-label", "You are listening");
        assertFalse(amelie.find("#hand-btn").isEnabled(), "the presenter's hand is disabled during push-back");
        assertTrue(amelie.text("#hand-help").contains("cannot raise your hand"));
        new Actions(amelie.driver).sendKeys("h").perform();
        assertEquals("lowered", amelie.find("#hand-btn").getDomAttribute("data-state"), "the shortcut does nothing either");
        lea.awaitText("#seat-list li[data-key='amelie'] .seat-tags", "Listening");
        assertFalse(lea.find("#seat-list li[data-key='amelie'] .seat-hand").isEnabled());

        // The others work: Bastien raises his hand as usual.
        bastien.click("#hand-btn");
        bastien.awaitAttribute("#hand-btn", "data-state", "raised");

        lea.click("#phase-next [data-phase='PRESENTER_RETURNS']");
        amelie.awaitHidden("#listening-note");
        amelie.awaitShown("#floor-cue");
        assertEquals("Presenter returns", amelie.text("#phase-name"));
    }

    @Test
    void aMemberWhoseConnectionDropsComesBackWithTheHandKept() throws Exception {
        RoomId room = newRoom(PhaseTemplate.OPEN);
        join(lea, room, "lea");
        join(bastien, room, "bastien");
        passChecklist(bastien);
        bastien.click("#hand-btn");
        bastien.awaitAttribute("#hand-btn", "data-state", "raised");
        lea.awaitShown("#queue-list li[data-key='bastien']");

        // 1. The page is reloaded: the token comes from this tab's session, the checklist is already done.
        bastien.driver.navigate().refresh();
        bastien.awaitConnected();
        bastien.awaitShown("#view-panel");
        bastien.awaitAttribute("#hand-btn", "data-state", "raised");
        bastien.awaitText("#my-place", "you are next");
        assertFalse(bastien.driver.getCurrentUrl().contains("token"));

        // 2. The page is closed, then opened again from the tab within the grace period: the leader sees the
        //    member reconnecting with the hand kept, then back.
        bastien.driver.get("about:blank");
        lea.awaitText("#seat-list li[data-key='bastien'] .presence-text", "Reconnecting");
        assertEquals(List.of("bastien"), keys(lea, "#queue-list > li"));
        bastien.driver.get(server.base + "/join/");
        bastien.awaitConnected();
        bastien.awaitAttribute("#hand-btn", "data-state", "raised");
        lea.awaitText("#seat-list li[data-key='bastien'] .presence-text", "Online");

        // 3. The server drops every socket of the room: the panel shows it and reconnects by itself.
        server.room(room).closeAll(CloseCodes.SERVER_RESTART, "test: drop");
        bastien.awaitAttribute("body", "data-conn", "reconnecting");
        assertTrue(bastien.isShown("#banner-reconnecting"));
        bastien.awaitConnected();
        bastien.awaitHidden("#banner-reconnecting");
        bastien.awaitAttribute("#hand-btn", "data-state", "raised");
        lea.awaitConnected();
        lea.awaitShown("#queue-list li[data-key='bastien']");
        lea.awaitText("#seat-list li[data-key='bastien'] .presence-text", "Online");
        assertEquals(List.of(MemberId.of("bastien")), state(room).queue().members());

        // The hand still works after the reconnect.
        bastien.click("#hand-btn");
        lea.awaitShown("#queue-empty");
    }

    @Test
    void frenchWhenTheBrowserPrefersIt_englishOtherwise_andTheSwitchChangesEverything() {
        RoomId room = server.openRoom("room-" + ROOMS.incrementAndGet(), PhaseTemplate.OPEN,
                List.of(new RoomSettings.EarlierCase("Bastien Leroy", LocalDate.of(2026, 10, 27))));
        join(camille, room, "camille");
        camille.awaitShown("#view-checklist");
        assertEquals("fr", camille.find("html").getDomAttribute("lang"));
        assertEquals("Avant de commencer", camille.text("#checklist-title"));
        assertTrue(camille.text("#checklist-items").contains("Je suis seul·e dans une pièce fermée"));
        passChecklist(camille);
        assertEquals("Lever la main", camille.text("#hand-label"));
        assertEquals("Ouverture", camille.text("#phase-name"));
        assertEquals("Connecté", camille.text("#conn-pill"));

        camille.click("#lang-switch [data-lang='en']");
        camille.awaitText("#hand-label", "Raise my hand");
        assertEquals("en", camille.find("html").getDomAttribute("lang"));
        assertEquals("Opening", camille.text("#phase-name"));
        assertEquals("Connected", camille.text("#conn-pill"));
        camille.click("#reopen-checklist");
        camille.awaitText("#checklist-items", "I am alone in a closed room");
        camille.click("#checklist-continue");
        camille.click("#lang-switch [data-lang='fr']");
        camille.awaitText("#hand-label", "Lever la main");

        join(lea, room, "lea");
        assertEquals("Opening", lea.text("#phase-title"));
        assertEquals("Move to: Who has a case?", lea.text("#phase-next [data-phase='WHO_HAS_A_CASE']"));
        assertEquals("Bastien Leroy, on 27 October 2026", lea.text("#earlier-list"));
        lea.click("#lang-switch [data-lang='fr']");
        lea.awaitText("#phase-title", "Ouverture");
        // (getText() shows the French non-breaking spaces as plain spaces)
        assertEquals("Passer à : Qui a un cas ?", lea.text("#phase-next [data-phase='WHO_HAS_A_CASE']"));
        assertEquals("Le cercle", lea.text("#circle-title"));
        assertEquals("Bastien Leroy, le 27 octobre 2026", lea.text("#earlier-list"));

        // The choice is remembered for the other pages of this browser (the landing page here).
        lea.open(server.base + "/");
        lea.awaitText("h1", "Un compagnon discret");
        lea.click("#lang-switch [data-lang='en']");
        lea.awaitText("h1", "A quiet companion");
    }

    @Test
    void theLeaderReordersTheCircleByKeyboardAndByDragAndDrop() throws Exception {
        RoomId room = newRoom(PhaseTemplate.OPEN);
        join(lea, room, "lea");
        join(amelie, room, "amelie");
        passChecklist(amelie);
        List<String> initial = List.of("lea", "amelie", "bastien", "camille", "hugo", "david", "elise", "nadia");
        assertEquals(initial, keys(lea, "#seat-list > li"));

        // Keyboard: focus Camille's handle, arrow up twice; focus stays on her handle.
        WebElement handle = lea.find("#seat-list li[data-key='camille'] .drag-handle");
        handle.sendKeys(Keys.ARROW_UP);
        lea.await(d -> keys(lea, "#seat-list > li").indexOf("camille") == 2, "Camille in seat 3");
        lea.find("#seat-list li[data-key='camille'] .drag-handle").sendKeys(Keys.ARROW_UP);
        List<String> afterKeys = List.of("lea", "camille", "amelie", "bastien", "hugo", "david", "elise", "nadia");
        lea.await(d -> keys(lea, "#seat-list > li").equals(afterKeys), "order after two arrow-ups");
        assertEquals("camille", lea.js("return document.activeElement.closest('li').dataset.key"));
        lea.awaitText("#live-polite", "Camille Moreau: seat 2 of 8");
        amelie.await(d -> keys(amelie, "#circle-list > li").equals(afterKeys), "members see the new circle");
        assertEquals(afterKeys, state(room).roster().seats().stream().map(MemberId::value).toList());

        // Drag and drop: Léa's handle onto the lower half of Bastien's row puts her after him.
        WebElement grip = lea.find("#seat-list li[data-key='lea'] .drag-handle");
        WebElement target = lea.find("#seat-list li[data-key='bastien']");
        lea.js("arguments[0].scrollIntoView({block: 'center'})", target);
        int below = target.getSize().getHeight() / 2 - 3;
        new Actions(lea.driver).clickAndHold(grip).moveByOffset(0, 20).moveToElement(target, 0, below)
                .release().perform();
        List<String> afterDrag = List.of("camille", "amelie", "bastien", "lea", "hugo", "david", "elise", "nadia");
        lea.await(d -> keys(lea, "#seat-list > li").equals(afterDrag), "order after the drag");
        assertEquals(afterDrag, state(room).roster().seats().stream().map(MemberId::value).toList());
    }

    @Test
    void theLeaderRunsTheQueueGoRoundsRulesAndPrivateSignals() throws Exception {
        RoomId room = newRoom(PhaseTemplate.OPEN);
        join(lea, room, "lea");
        join(amelie, room, "amelie");
        passChecklist(amelie);

        // David is in the room without a device: the leader marks it and raises his hand for him.
        lea.click("#seat-list li[data-key='david'] .menu-btn");
        new Select(lea.find("#seat-list li[data-key='david'] .seat-attendance")).selectByValue("IN_ROOM");
        lea.await(d -> state(room).participant(MemberId.of("david")).attendance().name().equals("IN_ROOM"), "David in the room");
        lea.click("#seat-list li[data-key='david'] .seat-hand");
        lea.awaitShown("#queue-list li[data-key='david']");
        amelie.click("#hand-btn");
        lea.awaitShown("#queue-list li[data-key='amelie']");
        assertEquals(List.of("david", "amelie"), keys(lea, "#queue-list > li"));
        assertTrue(lea.text("#queue-list li[data-key='david'] .queue-meta").contains("In the room"));

        // Reorder, then lower every hand (two steps).
        lea.click("#queue-list li[data-key='amelie'] .menu-btn");
        lea.click("#queue-list li[data-key='amelie'] .q-up");
        amelie.awaitText("#my-place", "you are next");
        lea.click("#lower-all-btn");
        lea.awaitText("#lower-all-btn", "Confirm");
        lea.click("#lower-all-btn");
        lea.awaitShown("#queue-empty");
        amelie.awaitAttribute("#hand-btn", "data-state", "lowered");

        // "Too much" reaches the leaders only; "Seen" clears it.
        amelie.click("#too-much-btn");
        lea.awaitShown("#too-much-list li[data-key='amelie']");
        lea.awaitText("#live-assertive", "too much for Amélie Dubois");
        lea.click("#too-much-list li[data-key='amelie'] button");
        lea.awaitShown("#too-much-empty");
        amelie.awaitAttribute("#too-much-btn", "aria-pressed", "false");

        // A go-round: Amélie's turn comes first; she passes; Bastien, Camille and Élise have no panel open and are
        // skipped; David, in the room, is next.
        lea.click("#go-round-start");
        amelie.awaitShown("#pass-btn");
        amelie.awaitShown("#floor-cue");
        amelie.click("#pass-btn");
        amelie.awaitHidden("#floor-cue");
        lea.awaitText("#go-round-status", "2 of 2, David Petit");
        lea.click("#go-round-end");
        lea.awaitShown("#go-round-start");

        // Rules: speak freely shows members a "take the floor" button and lets them unmute.
        lea.click("input[name='speakingRule'][value='SPEAK_FREELY']");
        amelie.awaitShown("#take-floor-btn");
        amelie.awaitText("#mute-advice", "You may unmute");
        lea.click("input[name='speakingRule'][value='RAISE_HAND']");
        amelie.awaitHidden("#take-floor-btn");
        lea.click("#pause-questions-btn");
        amelie.awaitShown("#questions-paused");
        lea.click("input[name='queuePolicy'][value='FIRST_COME']");
        lea.awaitText("#queue-policy-line", "first come");
        lea.click("input[name='mutePolicy'][value='FLOOR_ONLY']");
        lea.await(d -> state(room).rules().mutePolicy().name().equals("FLOOR_ONLY"), "mute policy set");
    }

    @Test
    void anObserverConfirmsTheChecklistThenGetsTheReadOnlyView_andFinalRefusalsStopThePanel() {
        RoomId room = newRoom(PhaseTemplate.OPEN);
        join(lea, room, "lea");
        join(bastien, room, "nadia");
        // Observers hear everything: they confirm the confidentiality checklist too, and leaders see it done.
        lea.awaitText("#seat-list li[data-key='nadia'] .checklist-status", "Checklist 0/5");
        passChecklist(bastien);
        lea.awaitShown("#seat-list li[data-key='nadia'] .checklist-status.is-done");
        bastien.awaitShown("#observer-note");
        assertFalse(bastien.isShown("#hand-btn"));
        assertFalse(bastien.isShown("#signals"));
        assertEquals(List.of("reopen-checklist"), bastien.findAll("#view-panel button:not([hidden])").stream()
                .filter(WebElement::isDisplayed).map(b -> b.getDomAttribute("id")).toList(),
                "no buttons for an observer but the checklist's");

        // A link for a room that is not open: the reason is shown and the panel does not retry.
        bastien.open(server.linkAs(RoomId.of("not-open"), "bastien", Role.MEMBER));
        bastien.awaitShown("#view-terminal");
        bastien.awaitText("#terminal-message", "not open");
        bastien.awaitAttribute("body", "data-conn", "stopped");

        // A member's link opened on the leader console.
        RoomId other = newRoom(PhaseTemplate.OPEN);
        bastien.open(server.link(other, "bastien").replace("/join/", "/lead/"));
        bastien.awaitText("#terminal-message", "opens the member panel");
        bastien.click("#terminal-member");
        bastien.awaitConnected();
        bastien.awaitShown("#view-checklist");

        // No link at all.
        bastien.js("sessionStorage.clear()");
        bastien.open(server.base + "/join/");
        bastien.awaitText("#terminal-message", "personal link");
    }

    @Test
    void theTokenLeavesTheAddressBarAndNothingConfidentialGoesToLocalStorage() {
        RoomId room = newRoom(PhaseTemplate.OPEN);
        join(amelie, room, "amelie");
        passChecklist(amelie);
        amelie.click("#case-btn");
        amelie.awaitAttribute("#case-btn", "aria-pressed", "true");
        assertFalse(amelie.driver.getCurrentUrl().contains("#"), "no fragment left: " + amelie.driver.getCurrentUrl());
        assertTrue(((String) amelie.js("return sessionStorage.getItem('balint.join.token')")).startsWith("eyJ"));
        String local = (String) amelie.js("return JSON.stringify(Object.assign({}, localStorage))");
        assertFalse(local.contains("eyJ"), "no token in localStorage: " + local);
        assertFalse(local.toLowerCase().contains("case"), "no signal in localStorage: " + local);
    }

    /**
     * The page's socket client against a scripted socket: the version rules of docs/protocol.md, command ids and
     * answers, re-sending after a drop, the backoff, and stopping for good on a final close.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theSocketClientAppliesStatesAndCommandsExactlyAsTheProtocolSays() {
        amelie.open(server.base + "/");
        var r = (java.util.Map<String, Object>) amelie.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const tick = (ms = 0) => new Promise((ok) => setTimeout(ok, ms));
                const until = async (test) => { for (let i = 0; i < 200 && !test(); i++) await tick(10); };
                (async () => {
                  const { RoomConnection, backoffDelay } = await import('/shared/connection.js');
                  const sockets = [];
                  class FakeSocket {
                    static OPEN = 1;
                    constructor(url) { this.sent = []; this.readyState = 0; sockets.push(this);
                      setTimeout(() => { this.readyState = 1; this.onopen(); }, 0); }
                    send(text) { this.sent.push(JSON.parse(text)); }
                    close(code) { this.readyState = 3; }
                    receive(frame) { this.onmessage({ data: JSON.stringify(frame) }); }
                    drop(code) { this.readyState = 3; this.onclose({ code }); }
                  }
                  const real = window.WebSocket;
                  window.WebSocket = FakeSocket;
                  try {
                    const log = [];
                    const c = new RoomConnection({ url: 'ws://scripted',
                      onSnapshot: (room, you) => log.push('snapshot ' + room.v + ' ' + you.v),
                      onState: (room) => log.push('state ' + room.v),
                      onYou: (you) => log.push('you ' + you.v),
                      onStatus: (s, info) => log.push('status ' + s + (info && info.reason ? ' ' + info.reason : '')),
                      onError: (e) => log.push('error ' + e.code) });
                    c.start();
                    await until(() => sockets[0] && sockets[0].readyState === 1);
                    const ws = sockets[0];
                    ws.receive({ type: 'state', epoch: 'e1', version: 1, room: { v: 'before the snapshot' } });
                    ws.receive({ type: 'snapshot', epoch: 'e1', version: 10, room: { v: 10 }, you: { v: 10 } });
                    ws.receive({ type: 'state', epoch: 'e1', version: 11, room: { v: 11 } });
                    ws.receive({ type: 'state', epoch: 'e1', version: 11, room: { v: 'repeated' } });
                    ws.receive({ type: 'state', epoch: 'e1', version: 9, room: { v: 'older' } });
                    ws.receive({ type: 'state', epoch: 'e1', version: 14, room: { v: 14 } });
                    ws.receive({ type: 'state', epoch: 'e2', version: 20, room: { v: 'other epoch' } });
                    ws.receive({ type: 'you', epoch: 'e1', version: 14, you: { v: 'y14' } });
                    ws.receive({ type: 'you', epoch: 'e9', version: 15, you: { v: 'other epoch' } });
                    const syncsBeforeSnapshot = ws.sent.filter((f) => f.type === 'sync').length;
                    ws.receive({ type: 'snapshot', epoch: 'e2', version: 3, room: { v: 3 }, you: { v: 3 } });
                    ws.receive({ type: 'state', epoch: 'e2', version: 4, room: { v: 4 } });

                    const raise = c.send('raiseHand');
                    const lower = c.send('lowerHand', {}, { expectedVersion: true });
                    const [first, second] = ws.sent.filter((f) => f.type !== 'sync');
                    ws.receive({ type: 'ack', id: first.id, version: 5 });
                    ws.receive({ type: 'error', id: second.id, code: 'not_in_queue', message: 'This person has no hand raised.' });
                    const acked = await raise;
                    let refused = null;
                    try { await lower; } catch (e) { refused = e.code; }
                    ws.receive({ type: 'error', id: null, code: 'rate_limited', message: 'slow down' });

                    const signal = c.send('signalCase', { on: true });
                    const unanswered = ws.sent[ws.sent.length - 1];
                    const droppedAt = performance.now();
                    ws.drop(1006);
                    await until(() => sockets.length === 2 && sockets[1].readyState === 1);
                    const reconnectMs = performance.now() - droppedAt;
                    const ws2 = sockets[1];
                    const resentBeforeSnapshot = ws2.sent.length;
                    ws2.receive({ type: 'snapshot', epoch: 'e2', version: 6, room: { v: 6 }, you: { v: 6 } });
                    const resent = ws2.sent.filter((f) => f.id === unanswered.id && f.type === 'signalCase').length;
                    ws2.receive({ type: 'ack', id: unanswered.id, version: 6 });
                    await signal;

                    ws2.receive({ type: 'error', id: null, code: 'token_expired', message: 'expired' });
                    ws2.drop(4502);
                    await tick(700);
                    let offline = null;
                    try { await c.send('raiseHand'); } catch (e) { offline = e.code; }

                    const delays = [];
                    for (const attempt of [0, 1, 2, 5, 9]) delays.push([backoffDelay(attempt, () => 0), backoffDelay(attempt, () => 0.9999)]);
                    done({ log, syncsBeforeSnapshot, acked: acked.version, refused, expected: second.expectedVersion,
                           ids: [first.id, second.id, unanswered.id], resentBeforeSnapshot, resent, reconnectMs,
                           sockets: sockets.length, status: c.status, offline, delays });
                  } finally {
                    window.WebSocket = real;
                  }
                })().catch((e) => done({ failure: String(e && e.stack || e) }));""");
        assertEquals(null, r.get("failure"));
        assertEquals(List.of(
                "status connecting",
                "snapshot 10 10", "status open", "state 11", "state 14", "you y14",
                "snapshot 3 3", "status open", "state 4",
                "error rate_limited",
                "status reconnecting", "status reconnecting", "snapshot 6 6", "status open",
                "status stopped token_expired"), r.get("log"));
        assertEquals(1L, r.get("syncsBeforeSnapshot"), "one sync for the gap and the new epoch together");
        assertEquals(5L, r.get("acked"));
        assertEquals("not_in_queue", r.get("refused"));
        assertEquals(4L, r.get("expected"), "expectedVersion is the version the page holds");
        var ids = (List<String>) r.get("ids");
        assertEquals(3, new java.util.HashSet<>(ids).size(), "ids are unique: " + ids);
        assertEquals(0L, r.get("resentBeforeSnapshot"), "nothing is sent before the new snapshot");
        assertEquals(1L, r.get("resent"), "the unanswered command is sent again with the same id");
        double reconnectMs = ((Number) r.get("reconnectMs")).doubleValue();
        assertTrue(reconnectMs >= 240 && reconnectMs < 1500, "first reconnect after 250-500 ms, took " + reconnectMs);
        assertEquals(2L, r.get("sockets"), "no reconnect after a final close");
        assertEquals("stopped", r.get("status"));
        assertEquals("offline", r.get("offline"));
        assertEquals(List.of(List.of(250L, 500L), List.of(500L, 1000L), List.of(1000L, 2000L), List.of(5000L, 10000L),
                List.of(5000L, 10000L)), r.get("delays"), "full jitter: 250-500 ms, doubling, capped at 10 s");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServerCodeIsTranslatedInBothLanguages_andRefusalsAreShownPolitely() {
        var required = new java.util.TreeSet<String>();
        for (String code : List.of("bad_json", "unknown_type", "invalid_field", "rate_limited", "stale_version",
                "token_invalid", "token_expired", "room_unknown", "offline", "timeout", "generic")) {
            required.add("error." + code);
        }
        for (Rejection r : Rejection.values()) required.add("error." + r.code());
        for (Phase p : Phase.values()) {
            required.add("phase." + p.name());
            required.add("phaseHint." + p.name());
        }
        for (Presence p : Presence.values()) required.add("presence." + p.name());
        for (Attendance a : Attendance.values()) required.add("attendance." + a.name());
        for (Role r : Role.values()) if (r != Role.SYSTEM) required.add("role." + r.name());
        for (SpeakingRule r : SpeakingRule.values()) required.add("rule." + r.name());
        for (QueuePolicy p : QueuePolicy.values()) required.add("policy." + p.name());
        for (MutePolicy p : MutePolicy.values()) required.add("mute." + p.name());
        for (String terminal : List.of("no_link", "token_invalid", "token_expired", "room_unknown", "opened_elsewhere", "closed")) {
            required.add("terminal." + terminal);
        }

        RoomId room = newRoom(PhaseTemplate.OPEN);
        join(camille, room, "camille");
        var keys = (java.util.Map<String, List<String>>) camille.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                Promise.all([import('/shared/i18n/fr.js'), import('/shared/i18n/en.js')])
                  .then(([fr, en]) => done({fr: Object.keys(fr.default), en: Object.keys(en.default)}));""");
        for (String language : List.of("fr", "en")) {
            var missing = new java.util.TreeSet<>(required);
            keys.get(language).forEach(missing::remove);
            assertEquals(java.util.Set.of(), missing, "missing in " + language);
        }

        // A refusal is shown as a dismissible alert in the person's language, never as the server's English text.
        camille.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/shared/dom.js').then((m) => { m.toast(document.getElementById('toasts'), 'presenter_is_listening'); done(); });""");
        camille.awaitText("#toasts [role='alert']", "Le présentateur écoute en silence");
        camille.click("#toasts .toast-close");
        camille.awaitHidden("#toasts [role='alert']");
    }

    @Test
    void everyPageFitsA320PixelScreen_andEveryControlIsAtLeast44PixelsBig() {
        RoomId room = newRoom(PhaseTemplate.OPEN);
        try {
            lea.resize(320, 800);
            amelie.resize(320, 800);
            join(lea, room, "lea");
            join(amelie, room, "amelie");
            assertEquals(List.of(), layoutProblems(amelie), "member checklist");
            passChecklist(amelie);
            amelie.click("#hand-btn");
            lea.awaitShown("#queue-list li[data-key='amelie']");
            lea.click("#seat-list li[data-key='bastien'] .menu-btn");
            lea.click("#seat-list li[data-key='bastien'] .seat-hand");
            lea.awaitShown("#queue-list li[data-key='bastien']");
            assertEquals(List.of(), layoutProblems(amelie), "member panel");
            assertEquals(List.of(), layoutProblems(lea), "leader console");
            lea.open(server.base + "/");
            lea.awaitShown("h1");
            assertEquals(List.of(), layoutProblems(lea), "landing page");
        } finally {
            lea.resize(1280, 900);
            amelie.resize(390, 844);
        }
    }

    /** Sideways scrolling, and any visible control (or the label that is its target) smaller than 44 x 44 px. */
    @SuppressWarnings("unchecked")
    static List<String> layoutProblems(Browser b) {
        return (List<String>) b.js("""
                const problems = [];
                const root = document.documentElement;
                if (root.scrollWidth > root.clientWidth) problems.push('scrolls sideways: ' + root.scrollWidth + 'px');
                for (const el of document.querySelectorAll('button, select, input, a, summary')) {
                  if (el.getClientRects().length === 0 || el.matches('.skip-link')) continue;
                  const target = el.matches('input') ? (el.closest('label') || el) : el;
                  const r = target.getBoundingClientRect();
                  if (r.right > root.clientWidth + 1) problems.push((el.id || el.className || el.tagName) + ' sticks out');
                  if (r.height < 44 || r.width < 44) {
                    problems.push((el.id || el.className || el.tagName) + ' "' + (target.textContent || '').trim().slice(0, 30)
                        + '" is ' + Math.round(r.width) + 'x' + Math.round(r.height));
                  }
                }
                return problems;""");
    }

    /** Screenshots of each page at phone and laptop width, in French, for docs/screenshots (and README). */
    @Test
    void screenshotsOfEachPage() throws Exception {
        Path dir = repositoryRoot().resolve("docs").resolve("screenshots");
        RoomId room = newRoom(PhaseTemplate.OPEN);
        try {
            join(lea, room, "lea");
            lea.click("#lang-switch [data-lang='fr']");
            join(amelie, room, "amelie");
            amelie.click("#lang-switch [data-lang='fr']");
            amelie.awaitText("#checklist-title", "Avant de commencer");
            amelie.find("#checklist-items label.check").click();
            amelie.awaitText("#checklist-progress", "1 point coché sur 5");
            amelie.screenshot(dir.resolve("member-checklist-390.png"), 390);
            passChecklist(amelie);
            join(bastien, room, "bastien");
            bastien.click("#lang-switch [data-lang='fr']");
            passChecklist(bastien);
            join(camille, room, "camille");
            passChecklist(camille);

            // A case is being worked on: Camille presents, Bastien speaks, Amélie and David (in the room) wait.
            lea.click("#phase-next [data-phase='WHO_HAS_A_CASE']");
            camille.click("#case-btn");
            bastien.click("#case-btn");
            lea.awaitShown("#case-list li[data-key='bastien']");
            lea.click("#case-list li[data-key='camille'] button");
            lea.awaitText("#presenter-current", "Camille Moreau");
            lea.click("#phase-next [data-phase='TELLING']");
            lea.click("#phase-next [data-phase='GROUP_WORK']");
            bastien.click("#hand-btn");
            lea.awaitShown("#queue-list li[data-key='bastien']");
            amelie.click("#hand-btn");
            lea.awaitShown("#queue-list li[data-key='amelie']");
            lea.click("#seat-list li[data-key='david'] .menu-btn");
        new Select(lea.find("#seat-list li[data-key='david'] .seat-attendance")).selectByValue("IN_ROOM");
            lea.awaitText("#seat-list li[data-key='david'] .seat-meta", "");
            lea.click("#seat-list li[data-key='david'] .seat-hand");
            lea.awaitShown("#queue-list li[data-key='david']");
            lea.awaitText("#floor-name", "Camille Moreau");
            lea.click("#end-turn-btn");
            lea.click("#give-next-btn");
            bastien.awaitShown("#floor-cue");
            amelie.awaitText("#my-place", "vous parlerez ensuite");
            lea.js("document.activeElement.blur()");

            amelie.screenshot(dir.resolve("member-390.png"), 390);
            bastien.screenshot(dir.resolve("member-floor-390.png"), 390);
            amelie.screenshot(dir.resolve("member-1280.png"), 1280);
            lea.screenshot(dir.resolve("leader-1280.png"), 1280);
            lea.screenshot(dir.resolve("leader-390.png"), 390);

            lea.open(server.base + "/");
            lea.awaitText("h1", "Un compagnon discret");
            lea.screenshot(dir.resolve("landing-1280.png"), 1280);
            lea.screenshot(dir.resolve("landing-390.png"), 390);
        } finally {
            lea.resize(1280, 900);
            amelie.resize(390, 844);
            bastien.resize(390, 844);
        }
        for (String name : List.of("member-checklist-390", "member-390", "member-floor-390", "member-1280",
                "leader-1280", "leader-390", "landing-1280", "landing-390")) {
            assertTrue(Files.size(dir.resolve(name + ".png")) > 10_000, name + " was written");
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    static Path repositoryRoot() {
        Path cwd = Path.of("").toAbsolutePath();
        return Files.isDirectory(cwd.resolve("docs")) ? cwd : cwd.getParent();
    }

    private static RoomId newRoom(PhaseTemplate template) {
        return server.openRoom("room-" + ROOMS.incrementAndGet(), template);
    }

    private static void join(Browser b, RoomId room, String member) {
        b.open(server.link(room, member));
        b.awaitConnected();
    }

    /** Ticks every checklist item (each is confirmed by the server) and continues to the panel. */
    static void passChecklist(Browser b) {
        b.awaitShown("#view-checklist");
        for (WebElement label : b.findAll("#checklist-items label.check")) {
            if (!label.findElement(org.openqa.selenium.By.tagName("input")).isSelected()) label.click();
        }
        b.await(d -> b.find("#checklist-continue").isEnabled(), "checklist complete");
        b.click("#checklist-continue");
        b.awaitShown("#view-panel");
    }

    private static List<String> keys(Browser b, String css) {
        return b.findAll(css).stream().map(e -> e.getDomAttribute("data-key")).toList();
    }

    static RoomState state(RoomId room) {
        var f = new CompletableFuture<RoomState>();
        server.room(room).read(f::complete);
        try {
            return f.get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not read the room", e);
        }
    }
}
