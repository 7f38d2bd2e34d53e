package org.balintcompanion.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.balintcompanion.wire.Frames;

/**
 * The server's counters, gauges and timers, in one registry per server (never a static one), scraped as Prometheus
 * text. Names are dotted here and come out as {@code balint_…} in the scrape. See docs/operations.md, "Metrics".
 */
public final class Metrics implements Frames.Replies {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    /** A value read at each scrape, e.g. the rooms open now. */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    /** A latency to record, e.g. how long a journal commit took; the scrape shows count, sum and max. */
    public Timer timer(String name, String description) {
        return Timer.builder(name).description(description).register(registry);
    }

    /** Room commands answered, by outcome: {@code ok} for an ack, else the refusal's error code. */
    @Override public void answered(String code) {
        count("balint.commands", "Room commands answered, by outcome (ok or the error code)", "outcome", code);
    }

    /** One call to Zoom's API and how it ended ({@code ok} or the kind of failure). */
    public void zoomCall(String operation, String outcome) {
        count("balint.zoom.calls", "Calls to Zoom's API by operation and outcome", "operation", operation, "outcome", outcome);
    }

    /** One message handed to the SMTP server or the outbox ({@code sent}), or refused ({@code failed}). */
    public void mail(String outcome) {
        count("balint.mail", "E-mail messages by outcome (sent or failed)", "outcome", outcome);
    }

    /** A webhook delivery refused before it reached the rooms (bad signature, stale timestamp, unreadable). */
    public void webhookRefused(String reason) {
        count("balint.webhooks.refused", "Zoom webhook deliveries refused, by reason", "reason", reason);
    }

    /** A socket or an upgrade refused by a connection limit. */
    public void connectionRefused(String limit) {
        count("balint.connections.refused", "Connections and upgrades refused by a limit", "limit", limit);
    }

    /** The Prometheus text exposition of everything registered. */
    public String scrape() { return registry.scrape(); }

    private void count(String name, String description, String... tags) {
        String key = name + String.join("\u0000", tags);
        counters.computeIfAbsent(key, k -> Counter.builder(name).description(description).tags(tags).register(registry)).increment();
    }
}
