package org.balintcompanion.web;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

import org.balintcompanion.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refused webhook deliveries, told to the operator at most once a minute with a count per reason: a wrong
 * ZOOM_WEBHOOK_SECRET_TOKEN refuses every delivery, and a line per delivery would bury everything else.
 */
final class WebhookRefusals {
    private static final Logger log = LoggerFactory.getLogger(WebhookRefusals.class);
    private static final long MINUTE = 60_000_000_000L;

    private final Metrics metrics;
    private final LongSupplier nanos;
    private final Map<String, Integer> sinceLastLine = new TreeMap<>();
    private long lastLine;
    private boolean logged;

    WebhookRefusals(Metrics metrics, LongSupplier nanos) {
        this.metrics = metrics;
        this.nanos = nanos;
    }

    synchronized void refused(String reason) {
        metrics.webhookRefused(reason);
        sinceLastLine.merge(reason, 1, Integer::sum);
        long now = nanos.getAsLong();
        if (logged && now - lastLine < MINUTE) return;
        int total = sinceLastLine.values().stream().mapToInt(Integer::intValue).sum();
        log.info("{} Zoom webhook deliver{} refused {}: {} (a wrong ZOOM_WEBHOOK_SECRET_TOKEN refuses them all; see docs/zoom.md)",
                total, total == 1 ? "y" : "ies", logged ? "in the last minute" : "", sinceLastLine);
        sinceLastLine.clear();
        lastLine = now;
        logged = true;
    }
}
