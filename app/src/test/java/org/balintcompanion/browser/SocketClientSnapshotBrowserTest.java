package org.balintcompanion.browser;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The page's socket client never goes back to an older room on the same connection, whatever the server sends. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SocketClientSnapshotBrowserTest {
    private static TestServer server;
    private static Browser panel;

    @BeforeAll static void start() throws Exception {
        server = TestServer.start();
        panel = Browser.start("panel", 390, 844, "en-US,en");
    }

    @AfterAll static void stop() throws Exception {
        if (panel != null) panel.close();
        if (server != null) server.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSnapshotOlderThanWhatTheConnectionHoldsIsIgnored() {
        panel.open(server.base + "/");
        var r = (Map<String, Object>) panel.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                (async () => {
                  const { RoomConnection } = await import('/shared/connection.js');
                  const sockets = [];
                  class FakeSocket {
                    static OPEN = 1;
                    constructor() { this.sent = []; this.readyState = 0; sockets.push(this);
                      setTimeout(() => { this.readyState = 1; this.onopen(); }, 0); }
                    send(text) { this.sent.push(JSON.parse(text)); }
                    close() { this.readyState = 3; }
                    receive(frame) { this.onmessage({ data: JSON.stringify(frame) }); }
                    drop(code) { this.readyState = 3; this.onclose({ code }); }
                  }
                  const real = window.WebSocket;
                  window.WebSocket = FakeSocket;
                  try {
                    const log = [];
                    const c = new RoomConnection({ url: 'ws://scripted',
                      onSnapshot: (room) => log.push('snapshot ' + room.v), onState: (room) => log.push('state ' + room.v),
                      onYou: () => {}, onStatus: () => {} });
                    c.start();
                    for (let i = 0; i < 200 && !(sockets[0] && sockets[0].readyState === 1); i++) await new Promise((ok) => setTimeout(ok, 10));
                    const ws = sockets[0];
                    ws.receive({ type: 'snapshot', epoch: 'e1', version: 10, room: { v: 10 }, you: {} });
                    ws.receive({ type: 'state', epoch: 'e1', version: 11, room: { v: 11 } });
                    ws.receive({ type: 'state', epoch: 'e1', version: 12, room: { v: 12 } });
                    ws.receive({ type: 'snapshot', epoch: 'e1', version: 11, room: { v: 'older' }, you: {} });
                    ws.receive({ type: 'state', epoch: 'e1', version: 13, room: { v: 13 } });
                    ws.receive({ type: 'snapshot', epoch: 'e1', version: 13, room: { v: 'same 13' }, you: {} });
                    ws.receive({ type: 'snapshot', epoch: 'e2', version: 2, room: { v: 'new epoch 2' }, you: {} });
                    c.stop();
                    done({ log, version: c.version, syncs: ws.sent.filter((f) => f.type === 'sync').length });
                  } finally {
                    window.WebSocket = real;
                  }
                })().catch((e) => done({ failure: String(e && e.stack || e) }));""");
        assertEquals(null, r.get("failure"));
        assertEquals(List.of("snapshot 10", "state 11", "state 12", "state 13", "snapshot same 13", "snapshot new epoch 2"),
                r.get("log"), "the older snapshot of the same epoch changed nothing");
        assertEquals(0L, r.get("syncs"), "and the next state was no gap: the page still held version 12");
        assertEquals(2L, r.get("version"));
        assertEquals(List.of(), panel.severeLogs());
    }
}
