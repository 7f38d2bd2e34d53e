package org.balintcompanion.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Figures of one measured window: every command sent in it is followed to its ack and to its last member. */
final class PhaseStats {
    private static final long MAX_MICROS = 120_000_000L;

    final String name;
    final double targetRate;
    /** Command sent (intended time) → the last counted member of its room holds the version it produced. */
    final Histogram fanout = new ConcurrentHistogram(MAX_MICROS, 3);
    /** Same, for rooms under attack in the flood scenario (kept apart from the others). */
    final Histogram fanoutAttacked = new ConcurrentHistogram(MAX_MICROS, 3);
    /** Command sent (intended time) → its ack at the sender. */
    final Histogram ack = new ConcurrentHistogram(MAX_MICROS, 3);
    /** How late the generator's scheduler sent each command versus its intended time (generator saturation). */
    final Histogram sendLag = new ConcurrentHistogram(MAX_MICROS, 3);
    final LongAdder sent = new LongAdder();
    final LongAdder acked = new LongAdder();
    final LongAdder changed = new LongAdder();
    final LongAdder unchanged = new LongAdder();
    final LongAdder completed = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder lostFanout = new LongAdder();
    final LongAdder notConnected = new LongAdder();
    final Map<String, LongAdder> errorCodes = new ConcurrentHashMap<>();
    long windowNanos;
    String startedAt;
    String endedAt;
    long startNanos;
    /** Worst last-member latency of the commands meant to leave in each second of the window (µs). */
    final java.util.concurrent.atomic.AtomicLongArray worstBySecond = new java.util.concurrent.atomic.AtomicLongArray(3600);
    double serverCores = -1;
    double generatorCores = -1;
    long deliveries;
    long gcCount = -1;
    double gcSeconds;
    long staleFrames;
    long roomsChecked;
    long roomsConsistent;

    PhaseStats(String name, double targetRate) {
        this.name = name;
        this.targetRate = targetRate;
    }

    void error(String code) {
        errors.increment();
        errorCodes.computeIfAbsent(code == null ? "null" : code, k -> new LongAdder()).increment();
    }

    /** Commands whose outcome is still unknown. */
    long outstanding() {
        return sent.sum() - notConnected.sum() - errors.sum() - unchanged.sum() - completed.sum() - lostFanout.sum();
    }

    double p99Millis() { return fanout.getTotalCount() == 0 ? Double.NaN : fanout.getValueAtPercentile(99) / 1000.0; }

    static Map<String, Object> percentiles(Histogram h) {
        var m = new LinkedHashMap<String, Object>();
        m.put("count", h.getTotalCount());
        if (h.getTotalCount() == 0) return m;
        m.put("p50_ms", ms(h.getValueAtPercentile(50)));
        m.put("p90_ms", ms(h.getValueAtPercentile(90)));
        m.put("p99_ms", ms(h.getValueAtPercentile(99)));
        m.put("p999_ms", ms(h.getValueAtPercentile(99.9)));
        m.put("max_ms", ms(h.getMaxValue()));
        m.put("mean_ms", Math.round(h.getMean()) / 1000.0);
        return m;
    }

    private static double ms(long micros) { return micros / 1000.0; }

    Map<String, Object> toMap() {
        var m = new LinkedHashMap<String, Object>();
        double secs = windowNanos / 1e9;
        m.put("name", name);
        m.put("targetRate", targetRate);
        m.put("windowSeconds", Math.round(secs * 100) / 100.0);
        m.put("startedAt", startedAt);
        m.put("endedAt", endedAt);
        m.put("sent", sent.sum());
        m.put("acked", acked.sum());
        m.put("changed", changed.sum());
        m.put("unchanged", unchanged.sum());
        m.put("fanoutRecorded", completed.sum());
        m.put("errors", errors.sum());
        var codes = new LinkedHashMap<String, Long>();
        errorCodes.forEach((k, v) -> codes.put(k, v.sum()));
        m.put("errorCodes", codes);
        m.put("notConnected", notConnected.sum());
        m.put("lostFanout", lostFanout.sum());
        m.put("incomplete", outstanding());
        m.put("commandsPerSecond", secs > 0 ? Math.round(acked.sum() / secs) : 0);
        m.put("deliveriesPerSecond", secs > 0 ? Math.round(deliveries / secs) : 0);
        m.put("fanout", percentiles(fanout));
        if (fanoutAttacked.getTotalCount() > 0) m.put("fanoutAttackedRooms", percentiles(fanoutAttacked));
        m.put("ack", percentiles(ack));
        m.put("sendLag", percentiles(sendLag));
        m.put("serverCores", round2(serverCores));
        m.put("serverCpuMicrosPerCommand", secs > 0 && acked.sum() > 0 ? Math.round(serverCores * 1e6 / (acked.sum() / secs)) : null);
        if (gcCount >= 0) {
            m.put("serverYoungGcs", gcCount);
            m.put("serverGcSeconds", round2(gcSeconds));
        }
        m.put("generatorCores", round2(generatorCores));
        m.put("staleFrames", staleFrames);
        m.put("roomsChecked", roomsChecked);
        m.put("roomsWithVersionEqualToAckedChanges", roomsConsistent);
        var worst = new java.util.ArrayList<Double>();
        int secs2 = (int) Math.ceil(windowNanos / 1e9);
        for (int i = 0; i < Math.min(secs2, worstBySecond.length()); i++) worst.add(worstBySecond.get(i) / 1000.0);
        m.put("worstMsBySecond", worst);
        return m;
    }

    static double round2(double d) { return Math.round(d * 100) / 100.0; }
}
