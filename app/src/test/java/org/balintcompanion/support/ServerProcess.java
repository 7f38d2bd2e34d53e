package org.balintcompanion.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/** The server as its own operating-system process, so a test can kill it with SIGKILL and start it again. */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public static ServerProcess start(Path dataDir, int port, Map<String, String> env, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "org.balintcompanion.Main"));
        command.addAll(List.of(args));
        Path log = dataDir.resolve("server-" + System.nanoTime() + ".log");
        var pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("BALINT_PORT", String.valueOf(port));
        pb.environment().put("BALINT_BIND", "127.0.0.1");
        pb.environment().put("BALINT_DATA_DIR", dataDir.toString());
        pb.environment().putAll(env);
        Files.createDirectories(dataDir);
        Path demoLinks = dataDir.resolve("demo-links.json");
        Files.deleteIfExists(demoLinks);
        var server = new ServerProcess(pb.start(), port, log);
        server.awaitHealthy();
        if (command.contains("--demo")) server.awaitFile(demoLinks);
        return server;
    }

    private void awaitHealthy() throws Exception {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) fail("the server process exited with " + process.exitValue());
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 || r.statusCode() == 503) return;   // 503: up, but degraded (e.g. a room kept aside)
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(50);   // polling a process we cannot be notified by; bounded by the deadline above
        }
        fail("the server did not answer /healthz within 30 s");
    }

    /** The demo writes its links (atomically) after the server starts listening. */
    private void awaitFile(Path file) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(file) || Files.size(file) == 0) {
            if (!process.isAlive()) fail("the server process exited with " + process.exitValue());
            if (System.nanoTime() > deadline) fail("the demo did not write " + file + " within 30 s");
            Thread.sleep(50);   // bounded polling of another process's file
        }
    }

    public int port() { return port; }

    /** Everything the process printed (its log). */
    public Path log() { return log; }

    /** SIGTERM, as systemd or Ctrl-C stop a server; waits for the process to end. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) fail("the server did not stop within 30 s of SIGTERM");
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no flush, exactly like a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) kill();
        }
    }
}
