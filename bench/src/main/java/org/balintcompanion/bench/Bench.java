package org.balintcompanion.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one command: starts each server under test in its own process (the real app via {@link BenchServer}, the raw
 * Jetty baseline {@link RawJettyServer}, Node's {@code ws} baseline when Node and the module are present), runs
 * {@link LoadGenerator} against it in another process, stops the server by its PID, and writes
 * {@code report.json} and {@code report.md} with ours/baseline ratios.
 *
 * <pre>bench/run.sh [--smoke] [--targets ours,jetty,node] [--scenarios steady,peak,slow,flood,storm] [--rooms 1000] [--members 12] …</pre>
 */
public final class Bench {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Bench() {}

    public static void main(String[] argv) throws Exception {
        Map<String, Object> report = run(Args.parse(argv));
        System.out.println();
        System.out.println(Report.markdown(report));
        Object failed = report.get("failures");
        System.exit(failed instanceof List<?> l && !l.isEmpty() ? 1 : 0);
    }

    /** Runs every target and returns the report (also written to the output directory). */
    public static Map<String, Object> run(Args a) throws Exception {
        boolean smoke = a.flag("smoke");
        int rooms = a.integer("rooms", smoke ? 20 : 1000);
        int members = a.integer("members", smoke ? 6 : 12);
        Path out = Path.of(a.text("out", System.getProperty("bench.outDir", "bench/target/results"))).toAbsolutePath();
        Files.createDirectories(out);
        String java = ProcessHandle.current().info().command().orElse("java");
        String jcmd = Path.of(java).resolveSibling("jcmd").toString();
        String cp = classpath(a);
        Path nodeDir = Path.of(a.text("node-dir", System.getProperty("bench.nodeDir", "bench/node")));
        boolean nodeOk = nodeAvailable(nodeDir);
        List<String> targets = a.list("targets", smoke ? "ours,jetty" : (nodeOk ? "ours,jetty,node" : "ours,jetty"));

        var generatorArgs = new ArrayList<String>();
        var defaults = new LinkedHashMap<String, String>();
        if (smoke) {
            defaults.put("scenarios", "steady,flood,storm,kill");
            defaults.put("kill-traffic", "4");
            defaults.put("kill-after", "1");
            defaults.put("steady-rate", "200");
            defaults.put("warmup", "0.5");
            defaults.put("duration", "2");
            defaults.put("flood-duration", "1.5");
            defaults.put("flood-rate", "50");
            defaults.put("storm-timeout", "20");
            defaults.put("after-storm-duration", "0");
            defaults.put("idle-settle-ms", "300");
            defaults.put("pause-ms", "200");
        } else {
            defaults.put("scenarios", "steady,peak,slow,flood,storm,kill");
        }
        for (var e : a.all().entrySet()) defaults.put(e.getKey(), e.getValue());
        for (String k : List.of("scenarios", "steady-rate", "warmup", "duration", "peak-rates", "peak-step", "peak-p99-ms",
                "slow-duration", "slow-rcvbuf", "flood-rooms", "flood-rate", "flood-duration", "storm-timeout",
                "after-storm-duration", "idle-settle-ms", "mix", "connect-concurrency", "pause-ms", "kill-traffic", "kill-after", "kill-no-retry")) {
            if (defaults.containsKey(k)) {
                generatorArgs.add("--" + k);
                generatorArgs.add(defaults.get(k));
            }
        }

        var report = new LinkedHashMap<String, Object>();
        report.put("startedAt", Instant.now().toString());
        report.put("command", "bench/run.sh " + String.join(" ", argvOf(a)));
        report.put("machine", machine(java, nodeOk));
        report.put("rooms", rooms);
        report.put("membersPerRoom", members);
        report.put("generatorArgs", String.join(" ", generatorArgs));
        var results = new LinkedHashMap<String, Object>();
        var failures = new ArrayList<String>();
        for (String target : targets) {
            if (target.equals("node") && !nodeOk) {
                results.put(target, Map.of("skipped", "node or the ws module is not installed (apt-get install -y node-ws)"));
                continue;
            }
            System.out.println("==> " + target + ": " + rooms + " rooms x " + members + " panels");
            try {
                results.put(target, runTarget(target, a, smoke, rooms, members, out, java, jcmd, cp, nodeDir, generatorArgs));
            } catch (Exception e) {
                failures.add(target + ": " + e);
                results.put(target, Map.of("failure", e.toString()));
            }
        }
        report.put("results", results);
        report.put("loadAfter", loadAverage());
        report.put("ratios", Report.ratios(results));
        report.put("targetsCheck", Report.targets(results));
        report.put("failures", failures);
        JSON.writeValue(out.resolve("report.json").toFile(), report);
        Files.writeString(out.resolve("report.md"), Report.markdown(report));
        return report;
    }

    private static List<String> argvOf(Args a) {
        var l = new ArrayList<String>();
        a.all().forEach((k, v) -> l.add(v.equals("true") ? "--" + k : "--" + k + " " + v));
        return l;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> runTarget(String target, Args a, boolean smoke, int rooms, int members, Path out,
                                                 String java, String jcmd, String cp, Path nodeDir,
                                                 List<String> generatorArgs) throws Exception {
        String heap = a.text("server-heap", smoke ? "512m" : "2g");
        // "NAME+zgc": the same server on the generational Z garbage collector instead of G1 (a JVM flag, no code change).
        String gc = target.endsWith("+zgc") ? "-XX:+UseZGC" : "-XX:+UseG1GC";
        String label = target;
        target = target.replace("+zgc", "");
        var cmd = new ArrayList<String>();
        Path tokens = out.resolve("tokens-" + target.replace("+", "-") + ".tsv");
        var env = new LinkedHashMap<String, String>();
        // "ours-PATCH": the app with bench/patches/PATCH compiled in front of it (a measured proposal, or a diagnostic).
        String serverCp = cp;
        // No target uses a patch at the moment; "ours-nojournal" passes the app a store of its own instead (NoJournal).
        String patch = null;
        if (patch != null) {
            serverCp = compilePatch(Path.of(a.text("patches-dir", System.getProperty("bench.patchesDir", "patches"))).resolve(patch),
                    out.resolve("patch-" + patch), cp) + File.pathSeparator + cp;
        }
        switch (target) {
            case "ours", "ours-nojournal" -> {
                cmd.addAll(List.of(java, "-Xms" + heap, "-Xmx" + heap, gc));
                if (a.flag("jfr")) {
                    cmd.add("-XX:StartFlightRecording=filename=" + out.resolve(label + ".jfr") + ",settings=profile,dumponexit=true");
                }
                cmd.addAll(List.of("-cp", serverCp, BenchServer.class.getName(), "--rooms", Integer.toString(rooms),
                        "--members", Integer.toString(members), "--tokens", tokens.toString(),
                        "--journal", target.equals("ours-nojournal") ? "off" : "on"));
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                env.put("BALINT_PORT", "0");
                env.put("BALINT_BIND", "127.0.0.1");
                // A fresh data directory (embedded H2): rooms from an earlier run must not be restored into this one.
                Path data = out.resolve("data-" + label.replace("+", "-"));
                deleteTree(data);
                env.put("BALINT_DATA_DIR", data.toString());
                env.put("BALINT_TOKEN_KEY", Base64.getEncoder().encodeToString(key));
                // The generator's busiest panel sends a few commands a second; keep the limiter out of the way.
                env.put("BALINT_COMMANDS_PER_SECOND", a.text("commands-per-second", "200"));
                env.put("BALINT_COMMAND_BURST", a.text("command-burst", "400"));
                env.put("BALINT_LOG_LEVEL", "WARN");
                // The whole generator is one client address (loopback): lift the per-address and total socket limits
                // and the upgrade rate that protect a public install (docs/operations.md, limits).
                env.put("BALINT_MAX_CONNECTIONS", "200000");
                env.put("BALINT_CONNECTIONS_PER_ADDRESS", "200000");
                env.put("BALINT_UPGRADES_PER_MINUTE", "10000000");
                if (a.has("room-threads")) env.put("BALINT_ROOM_THREADS", a.text("room-threads", "2"));
                if (a.has("ping-seconds")) env.put("BALINT_PING_SECONDS", a.text("ping-seconds", "5"));
                // Another database for the journal (e.g. PostgreSQL). It must be empty: rooms found there are restored.
                if (a.has("db-url")) {
                    env.put("BALINT_DB_URL", a.text("db-url", ""));
                    env.put("BALINT_DB_USER", a.text("db-user", ""));
                    env.put("BALINT_DB_PASSWORD", a.text("db-password", ""));
                }
            }
            case "jetty" -> {
                cmd.addAll(List.of(java, "-Xms" + heap, "-Xmx" + heap, gc));
                if (a.flag("jfr")) {
                    cmd.add("-XX:StartFlightRecording=filename=" + out.resolve(label + ".jfr") + ",settings=profile,dumponexit=true");
                }
                cmd.addAll(List.of("-cp", cp, RawJettyServer.class.getName(), "--members", Integer.toString(members)));
            }
            case "node" -> {
                Path leader = out.resolve("room-view-leader.json");
                Path member = out.resolve("room-view-member.json");
                Files.writeString(leader, BenchServer.sampleRoomJson(members, true));
                Files.writeString(member, BenchServer.sampleRoomJson(members, false));
                cmd.addAll(List.of("node", "--expose-gc", "--max-old-space-size=2048",
                        nodeDir.resolve("ws-server.js").toString(), leader.toString(), member.toString()));
            }
            default -> throw new IllegalArgumentException("unknown target " + target + " (ours, ours-nojournal, jetty, node; NAME+zgc for ZGC)");
        }
        Path serverLog = out.resolve("server-" + label.replace("+", "-") + ".log");
        var logOut = new PrintWriter(Files.newBufferedWriter(serverLog), true);
        var server = new Started[1];
        var res = new LinkedHashMap<String, Object>();
        try {
            server[0] = startServer(cmd, env, logOut);
            long pid = server[0].process.pid();
            int port = server[0].port;
            String probe = target.equals("node") ? "http://127.0.0.1:" + port + "/stats" : "jcmd:" + jcmd;
            // Empty server (no room yet): the rooms' own weight is then measured apart from the connections'.
            var empty = HeapProbe.of(probe, pid).read();
            openRooms(server[0], logOut);
            var roomsOpen = HeapProbe.of(probe, pid).read();

            Path genOut = out.resolve("generator-" + label.replace("+", "-") + ".json");
            var gen = new ArrayList<String>(List.of(java, "-Xms" + a.text("generator-heap", smoke ? "512m" : "2g"),
                    "-Xmx" + a.text("generator-heap", smoke ? "512m" : "2g"), "-XX:+UseG1GC", "-cp", cp,
                    LoadGenerator.class.getName(), "--url", "ws://127.0.0.1:" + port, "--server-pid", Long.toString(pid),
                    "--probe", probe, "--out", genOut.toString()));
            if (target.startsWith("ours")) {
                gen.addAll(List.of("--seats", tokens.toString()));
            } else {
                gen.addAll(List.of("--rooms", Integer.toString(rooms), "--members", Integer.toString(members)));
            }
            List<String> gArgs = new ArrayList<>(generatorArgs);
            if (target.equals("ours-nojournal")) dropScenario(gArgs, "kill"); // nothing is written: nothing to restore
            if (!target.startsWith("ours")) {
                dropScenario(gArgs, "kill"); // the baselines keep nothing across a restart
                dropScenario(gArgs, "flood"); // nor check their input: a bad frame with an "id" would be broadcast
            }
            if (smoke && !target.equals("ours")) dropScenario(gArgs, "storm");
            gen.addAll(gArgs);
            Files.deleteIfExists(genOut);
            Process g = new ProcessBuilder(gen).redirectErrorStream(true).start();
            // The generator's output is echoed; it asks for the kill -9 and restart of the server by a line.
            var genLines = new BufferedReader(new InputStreamReader(g.getInputStream(), StandardCharsets.UTF_8));
            var restartEnv = new LinkedHashMap<>(env);
            restartEnv.put("BALINT_PORT", Integer.toString(port));
            Thread echo = new Thread(() -> {
                try {
                    String l;
                    while ((l = genLines.readLine()) != null) {
                        if (l.startsWith("BENCH-KILL-SERVER")) {
                            server[0].process.destroyForcibly(); // SIGKILL: the process we started, by its handle
                            server[0].process.waitFor();
                            logOut.println("---- killed with SIGKILL, restarting on port " + port + " ----");
                            server[0] = startServer(cmd, restartEnv, logOut);
                            // Not opened again: the rooms must come back from the journal by themselves (a room
                            // opened anew would hide one that was lost), and the tokens issued before stay valid.
                            pumpLog(server[0], logOut);
                            g.getOutputStream().write(("BENCH-RESTARTED pid=" + server[0].process.pid() + "\n").getBytes(StandardCharsets.UTF_8));
                            g.getOutputStream().flush();
                        } else {
                            System.out.println(l);
                        }
                    }
                } catch (Exception e) {
                    System.out.println("generator link failed: " + e);
                }
            }, "generator-echo");
            echo.setDaemon(true);
            echo.start();
            if (!g.waitFor(a.integer("generator-timeout", smoke ? 120 : 1800), TimeUnit.SECONDS)) {
                g.destroyForcibly();
                throw new IllegalStateException("the generator did not finish in time");
            }
            echo.join(5000);
            if (!Files.exists(genOut)) throw new IllegalStateException("the generator wrote no result (exit " + g.exitValue() + ")");
            res.putAll(JSON.readValue(genOut.toFile(), Map.class));
            if (empty.liveBytes() > 0 && roomsOpen.liveBytes() > 0) {
                res.put("roomHeapBytesPerRoom", Math.round((roomsOpen.liveBytes() - empty.liveBytes()) / (double) rooms));
                res.put("liveHeapBytesEmptyServer", empty.liveBytes());
            }
            res.put("serverLog", serverLog.toString());
            res.put("serverCommand", String.join(" ", cmd.stream().map(s -> s.length() > 200 ? "<classpath>" : s).toList()));
            if (g.exitValue() != 0) res.put("generatorExit", g.exitValue());
            return res;
        } finally {
            if (server[0] != null) stop(server[0].process);
            logOut.close();
        }
    }

    /** Compiles a patch of app classes (bench/patches/NAME) against the app; its classes go first on the server's classpath. */
    private static String compilePatch(Path src, Path classes, String cp) throws IOException {
        var javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        if (javac == null) throw new IllegalStateException("no Java compiler in this runtime: run the bench with a JDK");
        deleteTree(classes);
        Files.createDirectories(classes);
        var files = new ArrayList<String>(List.of("-d", classes.toString(), "-cp", cp, "-nowarn"));
        try (var walk = Files.walk(src)) {
            walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> files.add(p.toString()));
        }
        if (javac.run(null, null, System.err, files.toArray(String[]::new)) != 0) throw new IllegalStateException("patch " + src + " does not compile");
        return classes.toString();
    }

    private record Started(Process process, BufferedReader lines, int port) {}

    private static Started startServer(List<String> cmd, Map<String, String> env, PrintWriter log) throws IOException {
        var pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("BALINT_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        var lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String started = awaitLine(lines, "BENCH-STARTED", log, 120);
        return new Started(p, lines, Integer.parseInt(started.replaceAll(".*port=(\\d+).*", "$1")));
    }

    /** Asks the server to open its rooms, waits for it, then keeps copying its output to the log. */
    private static void openRooms(Started s, PrintWriter log) throws IOException {
        s.process.getOutputStream().write("open\n".getBytes(StandardCharsets.UTF_8));
        s.process.getOutputStream().flush();
        awaitLine(s.lines, "BENCH-READY", log, 180);
        pumpLog(s, log);
    }

    private static void pumpLog(Started s, PrintWriter log) {
        Thread pump = new Thread(() -> {
            try {
                String l;
                while ((l = s.lines.readLine()) != null) log.println(l);
            } catch (IOException ignored) {
                // server gone
            }
        }, "server-log");
        pump.setDaemon(true);
        pump.start();
    }

    private static void dropScenario(List<String> gArgs, String scenario) {
        int i = gArgs.indexOf("--scenarios");
        if (i < 0) return;
        var kept = new ArrayList<String>();
        for (String sc : gArgs.get(i + 1).split(",")) if (!sc.equals(scenario)) kept.add(sc);
        gArgs.set(i + 1, String.join(",", kept));
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static String awaitLine(BufferedReader lines, String prefix, PrintWriter log, int seconds) throws IOException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        String l;
        while ((l = lines.readLine()) != null) {
            log.println(l);
            if (l.startsWith(prefix)) return l;
            if (System.nanoTime() > deadline) break;
        }
        throw new IllegalStateException("the server did not print " + prefix + " (see its log)");
    }

    /** Ends the server we started, by its own handle: a polite stop, then SIGTERM, then SIGKILL. */
    private static void stop(Process server) throws InterruptedException {
        try {
            server.getOutputStream().write("stop\n".getBytes(StandardCharsets.UTF_8));
            server.getOutputStream().flush();
        } catch (IOException ignored) {
            // already gone
        }
        if (!server.waitFor(15, TimeUnit.SECONDS)) {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) server.destroyForcibly();
        }
    }

    private static String classpath(Args a) throws IOException {
        String file = a.text("classpath-file", System.getProperty("bench.classpathFile"));
        String classes = a.text("classes-dir", System.getProperty("bench.classesDir"));
        if (file != null && classes != null && Files.exists(Path.of(file))) {
            return classes + File.pathSeparator + Files.readString(Path.of(file)).trim();
        }
        return System.getProperty("java.class.path");
    }

    static boolean nodeAvailable(Path nodeDir) {
        try {
            Process p = new ProcessBuilder("node", "-e",
                    "try{require('ws')}catch(e){require('/usr/share/nodejs/ws')}")
                    .directory(nodeDir.toFile()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static Map<String, Object> machine(String java, boolean node) {
        var m = new LinkedHashMap<String, Object>();
        m.put("nproc", Runtime.getRuntime().availableProcessors());
        m.put("cpu", firstLine("/proc/cpuinfo", "model name"));
        m.put("memTotal", firstLine("/proc/meminfo", "MemTotal"));
        m.put("kernel", System.getProperty("os.version"));
        m.put("java", java);
        m.put("javaVersion", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("node", node ? command("node", "--version") : null);
        m.put("openFilesLimit", command("sh", "-c", "ulimit -n"));
        m.put("loadBefore", loadAverage());
        return m;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return null;
        }
    }

    private static String firstLine(String file, String prefix) {
        try {
            for (String l : Files.readAllLines(Path.of(file))) if (l.startsWith(prefix)) return l.substring(l.indexOf(':') + 1).trim();
        } catch (IOException ignored) {
            // not Linux
        }
        return null;
    }

    private static String command(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return s;
        } catch (Exception e) {
            return null;
        }
    }
}
