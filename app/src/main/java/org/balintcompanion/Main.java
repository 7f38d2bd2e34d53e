package org.balintcompanion;

import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

import org.balintcompanion.config.AppConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar balint-companion.jar [--demo]}: reads the environment, starts the server, waits. */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {}

    /** The first administrator comes from the environment, or from a setup link printed once (valid 24 h). */
    private static void firstAdministrator(App app, AppConfig config) {
        var sessions = app.admin().sessions();
        if (config.firstAdmin() != null) {
            sessions.ensureFirstAdmin(config.firstAdmin().email(), config.firstAdmin().password());
            return;
        }
        String token = sessions.newSetupToken();
        if (token != null) {
            System.out.println("\nNo administrator yet. Create the first one within 24 hours (this link is shown once):\n  "
                    + config.publicUrl() + "/admin/#setup=" + token + "\n  or: curl -X POST " + config.publicUrl()
                    + "/api/setup -H 'Content-Type: application/json' -d '{\"token\":\"" + token
                    + "\",\"email\":\"you@example.org\",\"password\":\"at least 12 characters\"}'\n");
        }
    }

    public static void main(String[] args) throws Exception {
        AppConfig config;
        try {
            config = AppConfig.fromEnv(System.getenv(), Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        log.info("starting Balint Companion: {}", config.describe());
        App app = App.start(config, Clock.systemUTC());
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                app.close();
            } catch (Exception e) {
                log.warn("error while stopping", e);
            }
            stopped.countDown();
        }, "shutdown"));
        log.info("listening on port {}; health at {}/healthz", app.port(), config.publicUrl());
        firstAdministrator(app, config);
        if (config.demo()) {
            var links = DemoRoom.open(app, Clock.systemUTC());
            // Printed on purpose: these links are what a person opens to try the demo.
            System.out.println("\nDemo room open. Open these links in separate browser windows:");
            for (var link : links) System.out.printf("  %-10s %-18s %s%n", link.role(), link.displayName(), link.url());
            System.out.println("(also written to " + config.dataDir().resolve("demo-links.json") + ")\n");
        }
        stopped.await();
    }
}
