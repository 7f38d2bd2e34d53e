package org.balintcompanion.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * Baseline: a raw Jetty 12 WebSocket broadcast server with no room logic, same Jetty version and settings as the
 * app (16 KiB frames, 60 s idle, accept queue 4096). A text frame carrying an {@code "id"} bumps the room's counter
 * and is answered like the app answers a command: a pre-written room view of the same size to every socket of the
 * room (leaders' and members' sizes), then an {@code ack} to the sender. No parsing beyond finding the id, no
 * tokens, no rules, no per-client queue or slow-consumer handling.
 */
public final class RawJettyServer {
    private RawJettyServer() {}

    static final class RawRoom {
        final List<RawSocket> sockets = new ArrayList<>();
        long version;
    }

    static String leaderRoom;
    static String memberRoom;
    static final Map<String, RawRoom> ROOMS = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        var a = Args.parse(args);
        int members = a.integer("members", 12);
        leaderRoom = BenchServer.sampleRoomJson(members, true);
        memberRoom = BenchServer.sampleRoomJson(members, false);
        var server = new Server();
        var connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(a.integer("port", 0));
        connector.setAcceptQueueSize(4096);
        server.addConnector(connector);
        var context = new ContextHandler("/");
        var ws = WebSocketUpgradeHandler.from(server, context, container -> {
            container.setMaxTextMessageSize(16 * 1024);
            container.setMaxBinaryMessageSize(16 * 1024);
            container.setIdleTimeout(Duration.ofSeconds(60));
            container.addMapping("/ws/rooms/*", (req, resp, cb) -> {
                String path = req.getHttpURI().getPath();
                String room = path.substring("/ws/rooms/".length());
                String q = req.getHttpURI().getQuery();
                boolean leader = q != null && q.contains("lead=1");
                return new RawSocket(ROOMS.computeIfAbsent(room, k -> new RawRoom()), leader);
            });
        });
        context.setHandler(ws);
        server.setHandler(context);
        server.start();
        System.out.println("BENCH-STARTED pid=" + ProcessHandle.current().pid() + " port=" + connector.getLocalPort());
        System.out.flush();
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.trim().equals("open")) {
                System.out.println("BENCH-READY rooms=lazy");
                System.out.flush();
            } else if (line.trim().equals("stop")) {
                break;
            }
        }
        server.stop();
        System.exit(0);
    }

    // Public because Jetty binds listener methods through MethodHandles.
    public static final class RawSocket implements Session.Listener.AutoDemanding {
        private final RawRoom room;
        private final boolean leader;
        private volatile Session session;

        RawSocket(RawRoom room, boolean leader) {
            this.room = room;
            this.leader = leader;
        }

        @Override public void onWebSocketOpen(Session s) {
            session = s;
            synchronized (room) {
                room.sockets.add(this);
                s.sendText("{\"type\":\"snapshot\",\"epoch\":\"raw\",\"version\":" + room.version + ",\"room\":"
                        + (leader ? leaderRoom : memberRoom) + ",\"you\":{}}", Callback.NOOP);
            }
        }

        @Override public void onWebSocketText(String message) {
            String id = Scan.stringField(message, "\"id\":\"");
            if (id == null) {
                session.sendText("{\"type\":\"error\",\"id\":null,\"code\":\"bad_json\",\"message\":\"no id\"}", Callback.NOOP);
                return;
            }
            synchronized (room) {
                long v = ++room.version;
                String head = "{\"type\":\"state\",\"epoch\":\"raw\",\"version\":" + v + ",\"room\":";
                String lf = null;
                String mf = null;
                for (RawSocket s : room.sockets) {
                    String f = s.leader ? (lf != null ? lf : (lf = head + leaderRoom + "}")) : (mf != null ? mf : (mf = head + memberRoom + "}"));
                    s.session.sendText(f, Callback.NOOP);
                }
                session.sendText("{\"type\":\"ack\",\"id\":\"" + id + "\",\"version\":" + v + "}", Callback.NOOP);
            }
        }

        @Override public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            callback.succeed();
            session.sendText("{\"type\":\"error\",\"id\":null,\"code\":\"bad_json\",\"message\":\"binary\"}", Callback.NOOP);
        }

        @Override public void onWebSocketClose(int statusCode, String reason, Callback callback) {
            callback.succeed();
            synchronized (room) {
                room.sockets.remove(this);
            }
        }
    }
}
