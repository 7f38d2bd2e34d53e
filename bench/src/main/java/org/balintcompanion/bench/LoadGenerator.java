package org.balintcompanion.bench;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * The load generator, in its own JVM: opens R rooms × M panels over loopback, drives the traffic of
 * {@link RoomTrack} at a fixed arrival rate (open loop: latency is measured from each command's intended send time,
 * so a slow server cannot hide its stalls by slowing the generator — no coordinated omission), and measures the time
 * from a command to the last member of its room holding the new version, the ack, commands/s, CPU of both
 * processes, the server's live heap per idle connection; then the scenarios: steady, peak, slow, flood, storm.
 * Writes one JSON result. Started by {@link Bench}; see docs/benchmarks.md.
 */
public final class LoadGenerator implements Client.Events {
    private final Args args;
    private final URI base;
    private volatile long serverPid;
    private final long selfPid = ProcessHandle.current().pid();
    private final HeapProbe probe;
    private final List<RoomTrack> rooms = new ArrayList<>();
    private final List<Client> clients = new ArrayList<>();
    private final List<Client> attackers = new ArrayList<>();
    private final int[] weights;
    private final int weightTotal;
    private final SplittableRandom rnd = new SplittableRandom(42);
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gen-timers");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Object> result = new LinkedHashMap<>();
    private final List<Map<String, Object>> phases = new ArrayList<>();
    private WebSocketClient ws;
    private WebSocketClient passiveWs;
    private volatile boolean autoReconnect;
    private volatile boolean attackersReconnect;
    private final LongAdder reconnectFailures = new LongAdder();
    private final AtomicInteger closesByServer = new AtomicInteger();
    private final Map<Integer, LongAdder> closeCodes = new java.util.concurrent.ConcurrentHashMap<>();
    private double steadyP99Millis = Double.NaN;
    private final long pauseMs;

    private LoadGenerator(Args args) {
        this.args = args;
        this.base = URI.create(args.text("url", "ws://127.0.0.1:8080"));
        this.serverPid = Long.parseLong(args.text("server-pid", "-1"));
        this.probe = HeapProbe.of(args.text("probe", "none"), serverPid);
        this.pauseMs = args.integer("pause-ms", 1000);
        var mix = new LinkedHashMap<String, Integer>();
        mix.put("hand", 50);
        mix.put("checklist", 25);
        mix.put("floor", 15);
        mix.put("phase", 5);
        mix.put("signal", 5);
        for (String part : args.list("mix", "")) {
            String[] kv = part.split("=");
            if (!mix.containsKey(kv[0])) throw new IllegalArgumentException("unknown mix part " + kv[0]);
            mix.put(kv[0], Integer.parseInt(kv[1]));
        }
        weights = mix.values().stream().mapToInt(Integer::intValue).toArray();
        weightTotal = java.util.Arrays.stream(weights).sum();
        result.put("mix", mix);
    }

    public static void main(String[] argv) throws Exception {
        var gen = new LoadGenerator(Args.parse(argv));
        int code = 0;
        try {
            gen.run();
        } catch (Throwable t) {
            t.printStackTrace();
            gen.result.put("failure", t.toString());
            code = 1;
        } finally {
            gen.write();
        }
        System.out.flush();
        Runtime.getRuntime().halt(code);
    }

    private void log(String s) {
        System.out.printf("[gen %6.1fs] %s%n", (System.nanoTime() - T0) / 1e9, s);
        System.out.flush();
    }

    static final long T0 = System.nanoTime();

    private void write() throws Exception {
        result.put("phases", phases);
        var closes = new LinkedHashMap<String, Long>();
        closeCodes.forEach((k, v) -> closes.put(Integer.toString(k), v.sum()));
        result.put("closeCodesSeen", closes);
        var unsolicited = new LinkedHashMap<String, Long>();
        RoomTrack.UNSOLICITED_ERRORS.forEach((k, v) -> unsolicited.put(k, v.sum()));
        result.put("unsolicitedErrors", unsolicited);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(Path.of(args.text("out", "target/generator.json")).toFile(), result);
    }

    // ------------------------------------------------------------------ setup

    private void run() throws Exception {
        List<Layout.Seat> seats = args.has("seats") ? Layout.readSeats(Path.of(args.text("seats", "")))
                : new Layout(args.integer("rooms", 20), args.integer("members", 6)).seatsWithoutTokens();
        var byRoom = new LinkedHashMap<String, RoomTrack>();
        for (Layout.Seat s : seats) {
            RoomTrack r = byRoom.computeIfAbsent(s.room(), id -> new RoomTrack(byRoom.size(), id));
            boolean leader = !s.role().equals("MEMBER");
            URI uri = base.resolve("/ws/rooms/" + s.room() + "?token=" + s.token() + (leader ? "&lead=1" : ""));
            Client c = new Client(r, r.clients.size(), s.member(), leader, uri, false, this);
            r.clients.add(c);
            clients.add(c);
        }
        rooms.addAll(byRoom.values());
        rooms.forEach(RoomTrack::initModel);
        int members = rooms.get(0).clients.size();
        result.put("rooms", rooms.size());
        result.put("membersPerRoom", members);
        result.put("connections", clients.size());
        result.put("loadAverageAtStart", Bench.loadAverage());

        ws = newClient(-1);
        passiveWs = newClient(args.integer("slow-rcvbuf", 4096));

        // Heap of the server with its rooms open and no connection.
        var heap0 = readHeap("heapNoConnections");

        long t = System.nanoTime();
        connectAll(clients, args.integer("connect-concurrency", 200));
        double connectSecs = (System.nanoTime() - t) / 1e9;
        var conn = new LinkedHashMap<String, Object>();
        conn.put("connections", clients.size());
        conn.put("seconds", PhaseStats.round2(connectSecs));
        conn.put("perSecond", Math.round(clients.size() / connectSecs));
        conn.put("serverOpenFiles", Proc.openFiles(serverPid));
        conn.put("generatorOpenFiles", Proc.openFiles(selfPid));
        result.put("connect", conn);
        log("connected " + clients.size() + " panels in " + PhaseStats.round2(connectSecs) + " s");
        rooms.forEach(RoomTrack::recount);

        // Idle connections: let presence broadcasts settle, then weigh the heap again.
        Thread.sleep(args.integer("idle-settle-ms", 2000));
        var heapN = readHeap("heapIdleConnections");
        if (heap0 != null && heapN != null && heap0.liveBytes() > 0) {
            var idle = new LinkedHashMap<String, Object>();
            long d = heapN.liveBytes() - heap0.liveBytes();
            idle.put("connections", clients.size());
            idle.put("liveHeapBytesNoConnections", heap0.liveBytes());
            idle.put("liveHeapBytesIdleConnections", heapN.liveBytes());
            idle.put("heapBytesPerConnection", Math.round(d / (double) clients.size()));
            idle.put("heapKiBPerConnection", PhaseStats.round2(d / 1024.0 / clients.size()));
            idle.put("topClassesPerConnection", HeapProbe.growth(heap0, heapN, clients.size(), 20));
            result.put("idleHeap", idle);
            log("heap per idle connection: " + idle.get("heapKiBPerConnection") + " KiB");
        }

        for (String scenario : args.list("scenarios", "steady")) {
            switch (scenario) {
                case "steady" -> steady();
                case "peak" -> peak();
                case "slow" -> slow();
                case "flood" -> flood();
                case "storm" -> storm();
                case "kill" -> kill();
                default -> throw new IllegalArgumentException("unknown scenario " + scenario);
            }
        }
        result.put("serverRssBytesEnd", Proc.rssBytes(serverPid));
        result.put("loadAverageAtEnd", Bench.loadAverage());
        result.put("serverThreadsEnd", Proc.threads(serverPid));
        long stale = 0;
        for (Client c : clients) stale += c.staleFrames;
        result.put("staleFramesTotal", stale);
    }

    private WebSocketClient newClient(int receiveBuffer) throws Exception {
        var connector = new ClientConnector();
        connector.setSelectors(2);
        connector.setConnectTimeout(Duration.ofSeconds(10));
        if (receiveBuffer > 0) connector.setReceiveBufferSize(receiveBuffer);
        var threads = new QueuedThreadPool(64, 8);
        threads.setName(receiveBuffer > 0 ? "gen-slow" : "gen");
        threads.setDaemon(true);
        connector.setExecutor(threads);
        var http = new HttpClient(new HttpClientTransportOverHTTP(connector));
        http.setExecutor(threads);
        http.setMaxConnectionsPerDestination(30_000);
        http.setMaxRequestsQueuedPerDestination(60_000);
        http.setConnectTimeout(10_000);
        var client = new WebSocketClient(http);
        client.setIdleTimeout(Duration.ofMinutes(30));
        client.setMaxTextMessageSize(1 << 20);
        client.start();
        return client;
    }

    private WebSocketClient clientFor(Client c) {
        return c.index == c.room.clients.size() - 1 && !c.attacker ? passiveWs : ws;
    }

    private HeapProbe.Reading readHeap(String label) {
        try {
            long t = System.nanoTime();
            var r = probe.read();
            var m = new LinkedHashMap<String, Object>();
            m.put("liveBytes", r.liveBytes());
            m.put("serverRssBytes", Proc.rssBytes(serverPid));
            m.put("serverOpenFiles", Proc.openFiles(serverPid));
            m.put("probeSeconds", PhaseStats.round2((System.nanoTime() - t) / 1e9));
            result.put(label, m);
            return r.liveBytes() > 0 ? r : null;
        } catch (Exception e) {
            result.put(label, Map.of("error", e.toString()));
            return null;
        }
    }

    private void connectAll(List<Client> list, int concurrency) throws Exception {
        var gate = new Semaphore(concurrency);
        var futures = new ArrayList<CompletableFuture<Client>>(list.size());
        for (Client c : list) {
            gate.acquire();
            CompletableFuture<Client> f = connectWithRetry(c, 0, 10);
            f.whenComplete((x, e) -> gate.release());
            futures.add(f);
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(180, TimeUnit.SECONDS);
    }

    /** Connects and waits for the snapshot; retries a refused or timed-out connect a few times. */
    private CompletableFuture<Client> connectWithRetry(Client c, int attempt, int maxAttempts) {
        var done = new CompletableFuture<Client>();
        c.connect(clientFor(c)).whenComplete((ok, e) -> {
            if (e == null) {
                done.complete(ok);
            } else if (attempt + 1 >= maxAttempts) {
                done.completeExceptionally(e);
            } else {
                reconnectFailures.increment();
                timers.schedule(() -> connectWithRetry(c, attempt + 1, maxAttempts).whenComplete((ok2, e2) -> {
                    if (e2 == null) done.complete(ok2); else done.completeExceptionally(e2);
                }), 200L << Math.min(attempt, 5), TimeUnit.MILLISECONDS);
            }
        });
        return done;
    }

    @Override public void closed(Client c, int code) {
        closeCodes.computeIfAbsent(code, k -> new LongAdder()).increment();
        if (c.attacker) {
            if (attackersReconnect) timers.schedule(() -> c.connect(ws), 100, TimeUnit.MILLISECONDS);
            return;
        }
        if (autoReconnect) scheduleReconnect(c);
    }

    /** docs/protocol.md: full jitter, first attempt after 250–500 ms, doubling to a 10 s cap. */
    private void scheduleReconnect(Client c) {
        int k = Math.min(c.reconnectAttempt++, 6);
        long lo = Math.min(10_000, 250L << k);
        long hi = Math.min(10_000, 500L << k);
        long delay = lo + ThreadLocalRandom.current().nextLong(hi - lo + 1);
        timers.schedule(() -> c.connect(clientFor(c)).whenComplete((ok, e) -> {
            if (e != null && autoReconnect && c.session == null) {
                reconnectFailures.increment();
                scheduleReconnect(c);
            }
        }), delay, TimeUnit.MILLISECONDS);
    }

    // ------------------------------------------------------------------ open-loop traffic

    private PhaseStats openLoop(String name, double rate, double seconds, Predicate<RoomTrack> eligible, boolean keep) {
        var ph = new PhaseStats(name, rate);
        List<RoomTrack> targets = rooms.stream().filter(eligible).toList();
        long[] v0 = new long[rooms.size()];
        long[] a0 = new long[rooms.size()];
        for (RoomTrack r : rooms) {
            v0[r.index] = r.maxVersion();
            a0[r.index] = r.changedAcks();
        }
        long d0 = deliveries();
        long s0 = stale();
        double[] gc0 = jstat();
        var srv = Proc.Window.start(serverPid);
        var gen = Proc.Window.start(selfPid);
        long start = System.nanoTime() + 1_000_000;
        ph.startNanos = start;
        ph.startedAt = java.time.Instant.now().toString();
        long end = start + (long) (seconds * 1e9);
        double interval = 1e9 / rate;
        long n = 0;
        while (true) {
            long intended = start + (long) (n * interval);
            if (intended >= end) break;
            long now = System.nanoTime();
            if (now < intended) {
                LockSupport.parkNanos(intended - now);
                continue;
            }
            RoomTrack r = targets.get(rnd.nextInt(targets.size()));
            RoomTrack.Command c = r.next(rnd, weights, weightTotal);
            ph.sent.increment();
            if (!c.by().send(c.id(), c.json(), new Pending(intended, ph, c.by().highest, c.json(), Long.parseLong(c.id().substring(1))))) {
                ph.notConnected.increment();
                r.unsent(c);
            }
            ph.sendLag.recordValue(Math.max(0, (System.nanoTime() - intended) / 1000));
            n++;
        }
        ph.windowNanos = end - start;
        ph.endedAt = java.time.Instant.now().toString();
        ph.serverCores = srv.cores();
        ph.generatorCores = gen.cores();
        double[] gc1 = jstat();
        if (gc0 != null && gc1 != null) {
            ph.gcCount = (long) (gc1[0] - gc0[0]);
            ph.gcSeconds = gc1[1] - gc0[1];
        }
        long drainUntil = System.nanoTime() + 5_000_000_000L;
        while (ph.outstanding() > 0 && System.nanoTime() < drainUntil) sleep(10);
        ph.deliveries = deliveries() - d0;
        ph.staleFrames = stale() - s0;
        for (RoomTrack r : targets) {
            ph.roomsChecked++;
            if (r.maxVersion() - v0[r.index] == r.changedAcks() - a0[r.index]) ph.roomsConsistent++;
        }
        if (keep) {
            phases.add(ph.toMap());
            log(name + ": " + summary(ph));
        }
        return ph;
    }

    private static String summary(PhaseStats ph) {
        Histogram h = ph.fanout;
        return String.format("sent %d acked %d errors %d incomplete %d | last member p50 %.3f p99 %.3f p99.9 %.3f max %.3f ms | %.0f cmd/s | server %.2f cores, generator %.2f cores",
                ph.sent.sum(), ph.acked.sum(), ph.errors.sum(), ph.outstanding(),
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0,
                ph.acked.sum() / (ph.windowNanos / 1e9), ph.serverCores, ph.generatorCores);
    }

    private long deliveries() {
        long d = 0;
        for (RoomTrack r : rooms) d += r.deliveries.sum();
        return d;
    }

    private long stale() {
        long d = 0;
        for (RoomTrack r : rooms) d += r.stale.sum();
        return d;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ scenarios

    private void steady() {
        double rate = args.decimal("steady-rate", 500);
        openLoop("steady-warmup", rate, args.decimal("warmup", 5), r -> true, false);
        PhaseStats ph = openLoop("steady", rate, args.decimal("duration", 20), r -> true, true);
        steadyP99Millis = ph.p99Millis();
    }

    private void peak() {
        double limit = args.decimal("peak-p99-ms", 10);
        double step = args.decimal("peak-step", 8);
        double best = 0;
        Map<String, Object> bestPhase = null;
        for (String s : args.list("peak-rates", "1000,2000,3000,4000,5000,6000,8000,10000")) {
            double rate = Double.parseDouble(s);
            boolean ok = false;
            // On a shared machine one noisy window should not end the ramp: a step that misses is tried once more.
            for (int attempt = 0; attempt < 2 && !ok; attempt++) {
                String name = "peak@" + s + (attempt > 0 ? "-retry" : "");
                openLoop("peak-warmup@" + s, rate, Math.min(2, step / 4), r -> true, false);
                PhaseStats ph = openLoop(name, rate, step, r -> true, true);
                ok = ph.p99Millis() <= limit && ph.outstanding() == 0 && ph.errors.sum() == 0
                        && ph.acked.sum() >= 0.97 * ph.sent.sum();
                if (ok) {
                    best = rate;
                    bestPhase = phases.get(phases.size() - 1);
                }
                sleep(500);
            }
            if (!ok) break;
        }
        var peak = new LinkedHashMap<String, Object>();
        peak.put("p99LimitMs", limit);
        peak.put("highestRateWithinLimit", best);
        peak.put("phase", bestPhase == null ? null : bestPhase.get("name"));
        result.put("peak", peak);
        sleep(2000);
    }

    /** One listening member per room stops reading; the others must not suffer, the server must close it. */
    private void slow() throws Exception {
        double seconds = args.decimal("slow-duration", 25);
        var slowOnes = new ArrayList<Client>();
        for (RoomTrack r : rooms) {
            Client c = r.clients.get(r.clients.size() - 1);
            c.counted = false;
            slowOnes.add(c);
            r.recount();
        }
        int fds0 = Proc.openFiles(serverPid);
        var drops = new ConcurrentHistogram(3_600_000_000L, 3);
        var stop = new AtomicBoolean();
        long t0 = System.nanoTime();
        slowOnes.forEach(Client::stopReading);
        Thread monitor = new Thread(() -> {
            int last = fds0;
            while (!stop.get()) {
                int now = Proc.openFiles(serverPid);
                long at = (System.nanoTime() - t0) / 1000;
                for (int i = now; i < last; i++) drops.recordValue(at);
                if (now < last) last = now;
                sleep(50);
            }
        }, "fd-monitor");
        monitor.setDaemon(true);
        monitor.start();
        PhaseStats ph = openLoop("slow-consumer", args.decimal("steady-rate", 500), seconds, r -> true, true);
        stop.set(true);
        monitor.join();
        long[] queued = kernelQueues(slowOnes);
        int fds1 = Proc.openFiles(serverPid);
        // Read again: what the server said to the slow ones (4008 when it closed them).
        slowOnes.forEach(Client::resumeReading);
        sleep(3000);
        int closed4008 = 0;
        int closedOther = 0;
        for (Client c : slowOnes) {
            if (c.session == null && c.lastCloseCode == 4008) closed4008++;
            else if (c.session == null) closedOther++;
        }
        var m = new LinkedHashMap<String, Object>();
        m.put("slowClients", slowOnes.size());
        m.put("serverSocketsClosedDuringWindow", Math.max(0, fds0 - fds1));
        m.put("closedWith4008", closed4008);
        m.put("closedOtherwise", closedOther);
        m.put("windowSeconds", seconds);
        // Every slow one closed (server descriptors down by at least their number): when the last one went.
        m.put("allSlowClosedWithinSeconds", drops.getTotalCount() >= slowOnes.size() ? drops.getMaxValue() / 1e6 : null);
        if (drops.getTotalCount() > 0) {
            m.put("firstServerCloseSeconds", drops.getMinValue() / 1e6);
            m.put("medianServerCloseSeconds", drops.getValueAtPercentile(50) / 1e6);
            m.put("lastServerCloseSeconds", drops.getMaxValue() / 1e6);
        }
        m.put("kernelBytesQueuedPerSlowClientServerSide", queued[0]);
        m.put("kernelBytesQueuedPerSlowClientClientSide", queued[1]);
        m.put("stateFrameBytesAverage", averageStateBytes());
        m.put("othersP99Ms", ph.p99Millis());
        m.put("steadyP99Ms", steadyP99Millis);
        m.put("othersP99OverSteadyP99", Double.isNaN(steadyP99Millis) ? null : PhaseStats.round2(ph.p99Millis() / steadyP99Millis));
        result.put("slow", m);
        log("slow consumers: " + m);
        // Bring everyone back for the next scenario.
        var back = new ArrayList<Client>();
        for (Client c : slowOnes) {
            if (c.session == null) back.add(c);
        }
        connectAll(back, 200);
        for (Client c : slowOnes) c.counted = true;
        rooms.forEach(RoomTrack::recount);
        sleep(2000);
    }

    /** Bad frames into some rooms at a high rate while every room keeps its traffic. */
    private void flood() throws Exception {
        int nAttack = Math.min(args.integer("flood-rooms", Math.max(1, rooms.size() / 20)), rooms.size());
        double perAttacker = args.decimal("flood-rate", 100);
        double seconds = args.decimal("flood-duration", 15);
        int stride = rooms.size() / nAttack;
        for (int i = 0; i < nAttack; i++) {
            RoomTrack r = rooms.get(i * stride);
            r.attacked = true;
            Client victimSeat = r.clients.get(2);
            // A second panel of a member: the attacker has a valid token, like a compromised or buggy page.
            Client a = new Client(r, -1, victimSeat.member, false, victimSeat.uri, true, this);
            a.counted = false;
            attackers.add(a);
        }
        attackersReconnect = true;
        connectAll(attackers, 100);
        var badSent = new LongAdder();
        var badKinds = new java.util.concurrent.ConcurrentHashMap<String, LongAdder>();
        var stop = new AtomicBoolean();
        String huge = "{\"type\":\"raiseHand\",\"id\":\"big\",\"pad\":\"" + "x".repeat(20_000) + "\"}";
        AtomicLong xid = new AtomicLong();
        String[] kinds = {"notJson", "array", "noId", "unknownType", "missingField", "notALeader", "staleVersion", "binary", "oversized"};
        Thread attack = new Thread(() -> {
            var r = new SplittableRandom(7);
            double rate = perAttacker * attackers.size();
            long start = System.nanoTime();
            long n = 0;
            while (!stop.get()) {
                long intended = start + (long) (n * 1e9 / rate);
                long now = System.nanoTime();
                if (now < intended) {
                    LockSupport.parkNanos(intended - now);
                    continue;
                }
                n++;
                Client a = attackers.get(r.nextInt(attackers.size()));
                int k = r.nextInt(500) == 0 ? 8 : r.nextInt(8);
                String id = "x" + xid.incrementAndGet();
                boolean ok = switch (k) {
                    case 0 -> a.sendRaw("{{{ not json");
                    case 1 -> a.sendRaw("[1,2,3]");
                    case 2 -> a.sendRaw("{\"type\":\"raiseHand\"}");
                    case 3 -> a.sendRaw("{\"type\":\"explode\",\"id\":\"" + id + "\"}");
                    case 4 -> a.sendRaw("{\"type\":\"confirmChecklist\",\"id\":\"" + id + "\"}");
                    case 5 -> a.sendRaw("{\"type\":\"giveFloor\",\"id\":\"" + id + "\",\"member\":\"m03\"}");
                    case 6 -> a.sendRaw("{\"type\":\"raiseHand\",\"id\":\"" + id + "\",\"expectedVersion\":0}");
                    case 7 -> a.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}));
                    default -> a.sendRaw(huge);
                };
                if (ok) {
                    badSent.increment();
                    badKinds.computeIfAbsent(kinds[k], x -> new LongAdder()).increment();
                }
            }
        }, "attacker");
        var before = new LinkedHashMap<Integer, Long>();
        closeCodes.forEach((k, v) -> before.put(k, v.sum()));
        attack.start();
        PhaseStats ph = openLoop("flood", args.decimal("steady-rate", 500), seconds, r -> true, true);
        stop.set(true);
        attack.join();
        attackersReconnect = false;
        sleep(pauseMs);
        long answered = 0;
        for (Client a : attackers) answered += a.attackErrors.sum();
        var m = new LinkedHashMap<String, Object>();
        m.put("attackedRooms", nAttack);
        m.put("badFramesSent", badSent.sum());
        m.put("badFramesPerSecond", Math.round(badSent.sum() / seconds));
        var kindsOut = new LinkedHashMap<String, Long>();
        badKinds.forEach((k, v) -> kindsOut.put(k, v.sum()));
        m.put("badFramesByKind", kindsOut);
        m.put("errorFramesReceived", answered);
        var codes = new LinkedHashMap<String, Long>();
        RoomTrack.ATTACK_ERRORS.forEach((k, v) -> codes.put(k, v.sum()));
        m.put("errorCodes", codes);
        var closes = new LinkedHashMap<String, Long>();
        closeCodes.forEach((k, v) -> {
            long d = v.sum() - before.getOrDefault(k, 0L);
            if (d > 0) closes.put(Integer.toString(k), d);
        });
        m.put("attackerCloses", closes);
        m.put("otherRoomsP99Ms", ph.p99Millis());
        m.put("attackedRoomsP99Ms", ph.fanoutAttacked.getTotalCount() == 0 ? null : ph.fanoutAttacked.getValueAtPercentile(99) / 1000.0);
        m.put("steadyP99Ms", steadyP99Millis);
        m.put("otherRoomsP99OverSteadyP99", Double.isNaN(steadyP99Millis) ? null : PhaseStats.round2(ph.p99Millis() / steadyP99Millis));
        m.put("roomsWithVersionEqualToAckedChanges", ph.roomsConsistent + "/" + ph.roomsChecked);
        result.put("flood", m);
        log("flood: " + m);
        for (Client a : attackers) {
            var s = a.session;
            if (s != null) s.close(1000, "done", org.eclipse.jetty.websocket.api.Callback.NOOP);
        }
        for (RoomTrack r : rooms) r.attacked = false;
        sleep(pauseMs);
    }

    /** Every panel drops at once and comes back with the protocol's jittered backoff. */
    private void storm() throws Exception {
        double timeout = args.decimal("storm-timeout", 60);
        int[] snaps0 = new int[clients.size()];
        long[] highest0 = new long[clients.size()];
        for (int i = 0; i < clients.size(); i++) {
            snaps0[i] = clients.get(i).snapshots;
            highest0[i] = clients.get(i).highest;
        }
        long fail0 = reconnectFailures.sum();
        var srv = Proc.Window.start(serverPid);
        var gen = Proc.Window.start(selfPid);
        autoReconnect = true;
        long t0 = System.nanoTime();
        for (Client c : clients) c.drop();
        long deadline = t0 + (long) (timeout * 1e9);
        int back = 0;
        while (System.nanoTime() < deadline) {
            back = 0;
            for (int i = 0; i < clients.size(); i++) if (clients.get(i).snapshots > snaps0[i]) back++;
            if (back == clients.size()) break;
            sleep(20);
        }
        autoReconnect = false;
        double cores = srv.cores();
        double genCores = gen.cores();
        var h = new Histogram(3_600_000_000L, 3);
        int extraSnapshots = 0;
        int regressed = 0;
        for (int i = 0; i < clients.size(); i++) {
            Client c = clients.get(i);
            if (c.snapshots > snaps0[i]) h.recordValue(Math.max(0, (c.lastSnapshotNanos - t0) / 1000));
            extraSnapshots = Math.max(extraSnapshots, c.snapshots - snaps0[i]);
            if (c.highest < highest0[i]) regressed++;
        }
        var m = new LinkedHashMap<String, Object>();
        m.put("clients", clients.size());
        m.put("resynced", back);
        m.put("allResyncedSeconds", back == clients.size() ? h.getMaxValue() / 1e6 : null);
        m.put("resyncP50Seconds", h.getTotalCount() == 0 ? null : h.getValueAtPercentile(50) / 1e6);
        m.put("resyncP99Seconds", h.getTotalCount() == 0 ? null : h.getValueAtPercentile(99) / 1e6);
        m.put("failedConnectAttempts", reconnectFailures.sum() - fail0);
        m.put("maxSnapshotsPerClient", extraSnapshots);
        m.put("clientsBehindTheirOldVersion", regressed);
        m.put("serverCores", PhaseStats.round2(cores));
        m.put("generatorCores", PhaseStats.round2(genCores));
        result.put("storm", m);
        log("reconnect storm: " + m);
        sleep(pauseMs);
        rooms.forEach(RoomTrack::recount);
        double after = args.decimal("after-storm-duration", 5);
        if (after > 0) openLoop("after-storm", args.decimal("steady-rate", 500), after, r -> true, true);
    }

    /**
     * kill -9 mid-traffic and restart on the same database: every room comes back (new epoch), no acknowledged
     * command is lost (restored version >= every ack received before the kill, and the room equals the model), none
     * is applied twice (each unanswered command is sent again with its id after the reconnect; a second application
     * would flip a toggle back and show as a difference). The orchestrator does the kill and the restart.
     */
    private void kill() throws Exception {
        double rate = args.decimal("steady-rate", 500);
        double seconds = args.decimal("kill-traffic", 20);
        double killAfter = args.decimal("kill-after", 3);
        for (Client c : clients) {
            c.retryPendingOnSnapshot = !args.flag("kill-no-retry");
            c.awaitingResync = false;
            c.keepHistory = true;
        }
        String[] epochs = new String[clients.size()];
        for (int i = 0; i < clients.size(); i++) epochs[i] = clients.get(i).epoch;
        autoReconnect = true;
        var killPhase = new PhaseStats[1];
        var traffic = new Thread(() -> killPhase[0] = openLoop("kill-traffic", rate, seconds, r -> true, false), "kill-traffic");
        traffic.start();
        Thread.sleep((long) (killAfter * 1000));
        long[] ackedBefore = new long[rooms.size()];
        for (RoomTrack r : rooms) ackedBefore[r.index] = r.maxAckedVersion();
        long tKill = System.nanoTime();
        log("kill at " + String.format("%.3f", (tKill - T0) / 1e9) + " s");
        System.out.println("BENCH-KILL-SERVER");
        System.out.flush();
        var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.startsWith("BENCH-RESTARTED")) {
            // wait
        }
        if (line == null) throw new IllegalStateException("the orchestrator did not restart the server");
        long tUp = System.nanoTime();
        serverPid = Long.parseLong(line.replaceAll(".*pid=(\\d+).*", "$1"));
        log("server killed and restarted (" + PhaseStats.round2((tUp - tKill) / 1e9) + " s from kill to ready)");
        // Everyone back under the new epoch (traffic goes on meanwhile) ...
        long deadline = System.nanoTime() + 60_000_000_000L;
        int back = 0;
        while (System.nanoTime() < deadline) {
            back = 0;
            for (int i = 0; i < clients.size(); i++) {
                Client c = clients.get(i);
                if (c.epoch != null && !c.epoch.equals(epochs[i]) && c.session != null) back++;
            }
            if (back == clients.size()) break;
            sleep(20);
        }
        long tAll = System.nanoTime();
        // ... then, once the traffic ends, every unanswered command answered.
        traffic.join();
        long outstanding = 0;
        long drain = System.nanoTime() + 30_000_000_000L;
        do {
            outstanding = 0;
            for (Client c : clients) outstanding += c.pending.size();
            if (outstanding > 0) sleep(20);
        } while (outstanding > 0 && System.nanoTime() < drain);
        var resync = new Histogram(3_600_000_000L, 3);
        for (Client c : clients) if (c.lastSnapshotNanos > tUp) resync.recordValue((c.lastSnapshotNanos - tUp) / 1000);
        autoReconnect = false;
        long retried = 0;
        for (Client c : clients) {
            c.retryPendingOnSnapshot = false;
            retried += c.retried;
        }
        // Ask each room's leader for the room and compare it with the model.
        for (RoomTrack r : rooms) {
            Client leader = r.clients.get(0);
            leader.capturedSnapshot = null;
            leader.captureSnapshot = true;
            leader.sendRaw("{\"type\":\"sync\",\"id\":\"s" + leader.nextId() + "\"}");
        }
        long until = System.nanoTime() + 30_000_000_000L;
        var json = new ObjectMapper();
        int compared = 0;
        int lostRooms = 0;
        var differences = new ArrayList<String>();
        int roomsBelowAck = 0;
        for (RoomTrack r : rooms) {
            Client leader = r.clients.get(0);
            while (leader.capturedSnapshot == null && System.nanoTime() < until) sleep(5);
            if (leader.capturedSnapshot == null) {
                lostRooms++;
                continue;
            }
            var snap = json.readTree(leader.capturedSnapshot);
            compared++;
            if (snap.path("version").asLong() < ackedBefore[r.index]) roomsBelowAck++;
            differences.addAll(r.differences(snap));
        }
        var m = new LinkedHashMap<String, Object>();
        m.put("rooms", rooms.size());
        m.put("killToReadySeconds", PhaseStats.round2((tUp - tKill) / 1e9));
        m.put("clientsBackUnderNewEpoch", back);
        m.put("allResyncedAfterReadySeconds", back == clients.size() ? PhaseStats.round2((tAll - tUp) / 1e9) : null);
        m.put("resyncP50AfterReadySeconds", resync.getTotalCount() == 0 ? null : resync.getValueAtPercentile(50) / 1e6);
        m.put("resyncMaxAfterReadySeconds", resync.getTotalCount() == 0 ? null : resync.getMaxValue() / 1e6);
        m.put("unansweredCommandsSentAgain", retried);
        m.put("commandsStillUnanswered", outstanding);
        m.put("roomsCompared", compared);
        m.put("roomsNotAnswering", lostRooms);
        m.put("roomsBehindAnAckReceivedBeforeTheKill", roomsBelowAck);
        m.put("roomsDifferingFromTheModel", differences.stream().map(d -> d.substring(0, d.indexOf(':'))).distinct().count());
        m.put("differences", differences.subList(0, Math.min(20, differences.size())));
        if (killPhase[0] != null) {
            var t = killPhase[0].toMap();
            m.put("trafficSent", t.get("sent"));
            m.put("trafficAcked", t.get("acked"));
            m.put("trafficErrors", t.get("errorCodes"));
            m.put("trafficNotSentWhileDown", t.get("notConnected"));
        }
        var histories = new LinkedHashMap<String, Object>();
        for (String d : differences.subList(0, Math.min(5, differences.size()))) {
            String roomId = d.substring(0, d.indexOf(':'));
            String member = d.substring(d.lastIndexOf(' ') + 1);
            for (RoomTrack r : rooms) {
                if (!r.id.equals(roomId)) continue;
                for (Client c : r.clients) if (c.member.equals(member)) histories.put(roomId + "/" + member, new ArrayList<>(c.history));
            }
        }
        if (!histories.isEmpty()) m.put("historiesOfDifferences", histories);
        for (Client c : clients) {
            c.keepHistory = false;
            c.history.clear();
        }
        result.put("kill", m);
        log("kill -9: " + m);
        rooms.forEach(RoomTrack::recount);
    }

    /**
     * Bytes the kernel holds for the slow clients at the end of the window, from {@code ss -tn}: the server sockets'
     * Send-Q and the clients' Recv-Q (averaged per slow client). Until both are full the server's writes complete and
     * it cannot tell that the client stopped reading.
     */
    private long[] kernelQueues(List<Client> slowOnes) {
        var ports = new java.util.HashSet<Integer>();
        for (Client c : slowOnes) {
            var s = c.session;
            if (s != null && s.getLocalSocketAddress() instanceof java.net.InetSocketAddress a) ports.add(a.getPort());
        }
        long serverSide = 0;
        long clientSide = 0;
        int serverPort = base.getPort();
        try {
            Process p = new ProcessBuilder("ss", "-tnH").redirectErrorStream(true).start();
            for (String line : new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 5) continue;
                int local = port(f[3]);
                int peer = port(f[4]);
                if (local == serverPort && ports.contains(peer)) serverSide += Long.parseLong(f[2]);
                if (ports.contains(local) && peer == serverPort) clientSide += Long.parseLong(f[1]);
            }
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return new long[] {-1, -1};
        }
        int n = Math.max(1, ports.size());
        return new long[] {serverSide / n, clientSide / n};
    }

    private static int port(String addr) {
        try {
            return Integer.parseInt(addr.substring(addr.lastIndexOf(':') + 1));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private long averageStateBytes() {
        long frames = 0;
        long bytes = 0;
        for (Client c : clients) {
            frames += c.stateFrames;
            bytes += c.stateBytes;
        }
        return frames == 0 ? 0 : bytes / frames;
    }

    /** Young GC count and total GC seconds of a JVM server ({@code jstat -gc}), or null for Node. */
    private double[] jstat() {
        String spec = args.text("probe", "none");
        if (!spec.startsWith("jcmd:")) return null;
        try {
            String jstat = Path.of(spec.substring(5)).resolveSibling("jstat").toString();
            Process p = new ProcessBuilder(jstat, "-gc", Long.toString(serverPid)).redirectErrorStream(true).start();
            String[] lines = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim().split("\n");
            p.waitFor(20, TimeUnit.SECONDS);
            String[] head = lines[0].trim().split("\\s+");
            String[] vals = lines[lines.length - 1].trim().split("\\s+");
            double ygc = -1;
            double gct = -1;
            for (int i = 0; i < head.length && i < vals.length; i++) {
                if (head[i].equals("YGC")) ygc = Double.parseDouble(vals[i]);
                if (head[i].equals("GCT")) gct = Double.parseDouble(vals[i]);
            }
            return ygc < 0 ? null : new double[] {ygc, gct};
        } catch (Exception e) {
            return null;
        }
    }
}
