package org.balintcompanion.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ratios, target checks and the Markdown table of a run. */
final class Report {
    private Report() {}

    static final String OURS = "ours";

    /** Walks a path of map keys; a list step takes the phase with that name. */
    @SuppressWarnings("unchecked")
    static Object at(Object root, String... path) {
        Object cur = root;
        for (String k : path) {
            if (cur instanceof Map<?, ?> m) {
                cur = m.get(k);
            } else if (cur instanceof List<?> l) {
                Object found = null;
                for (Object o : l) if (o instanceof Map<?, ?> m && k.equals(m.get("name"))) found = o;
                cur = found;
            } else {
                return null;
            }
        }
        return cur;
    }

    static Double num(Object root, String... path) {
        Object o = at(root, path);
        return o instanceof Number n ? n.doubleValue() : null;
    }

    static Double ratio(Double ours, Double base) {
        return ours == null || base == null || base == 0 ? null : Math.round(ours / base * 100) / 100.0;
    }

    /** Each metric: [path…]; ratios are ours / baseline (for latency and memory lower is better, for rates higher). */
    static final String[][] METRICS = {
            {"steady p50", "phases", "steady", "fanout", "p50_ms"},
            {"steady p90", "phases", "steady", "fanout", "p90_ms"},
            {"steady p99", "phases", "steady", "fanout", "p99_ms"},
            {"steady p99.9", "phases", "steady", "fanout", "p999_ms"},
            {"steady max", "phases", "steady", "fanout", "max_ms"},
            {"steady ack p50", "phases", "steady", "ack", "p50_ms"},
            {"steady commands/s", "phases", "steady", "commandsPerSecond"},
            {"steady deliveries/s", "phases", "steady", "deliveriesPerSecond"},
            {"steady server cores", "phases", "steady", "serverCores"},
            {"steady server CPU µs per command", "phases", "steady", "serverCpuMicrosPerCommand"},
            {"steady server young GCs", "phases", "steady", "serverYoungGcs"},
            {"steady generator cores", "phases", "steady", "generatorCores"},
            {"heap bytes per idle connection", "idleHeap", "heapBytesPerConnection"},
            {"connect rate /s", "connect", "perSecond"},
            {"peak commands/s at p99 <= 10 ms", "peak", "highestRateWithinLimit"},
            {"slow: others p99", "slow", "othersP99Ms"},
            {"slow: every slow one closed after (s)", "slow", "allSlowClosedWithinSeconds"},
            {"flood: other rooms p99", "flood", "otherRoomsP99Ms"},
            {"storm: all resynced (s)", "storm", "allResyncedSeconds"},
            {"storm: server cores", "storm", "serverCores"},
    };

    static Map<String, Object> ratios(Map<String, Object> results) {
        var out = new LinkedHashMap<String, Object>();
        Object ours = results.get(OURS);
        if (ours == null) return out;
        for (var e : results.entrySet()) {
            if (e.getKey().equals(OURS)) continue;
            var r = new LinkedHashMap<String, Object>();
            for (String[] m : METRICS) {
                String[] path = java.util.Arrays.copyOfRange(m, 1, m.length);
                r.put(m[0], ratio(num(ours, path), num(e.getValue(), path)));
            }
            out.put("ours/" + e.getKey(), r);
        }
        return out;
    }

    static Map<String, Object> targets(Map<String, Object> results) {
        var out = new LinkedHashMap<String, Object>();
        Object o = results.get(OURS);
        if (o == null) return out;
        Double p50 = num(o, "phases", "steady", "fanout", "p50_ms");
        Double p99 = num(o, "phases", "steady", "fanout", "p99_ms");
        Double heap = num(o, "idleHeap", "heapBytesPerConnection");
        Double peak = num(o, "peak", "highestRateWithinLimit");
        out.put("steady p50 <= 1 ms", check(p50, p50 != null && p50 <= 1));
        out.put("steady p99 <= 5 ms", check(p99, p99 != null && p99 <= 5));
        out.put("heap per idle connection <= 12 KiB", check(heap == null ? null : heap / 1024, heap != null && heap <= 12 * 1024));
        out.put(">= 5000 commands/s at p99 <= 10 ms", check(peak, peak != null && peak >= 5000));
        Double slowRatio = num(o, "slow", "othersP99OverSteadyP99");
        Double slowClosed = num(o, "slow", "allSlowClosedWithinSeconds");
        Double slowWindow = num(o, "slow", "windowSeconds");
        out.put("slow: others p99 <= 1.2x steady p99", check(slowRatio, slowRatio != null && slowRatio <= 1.2));
        // Not all closed within the window counts as a miss, reported with the window's length.
        out.put("slow: every slow one closed within 10 s", slowClosed == null && slowWindow != null
                ? check(slowWindow, false) : check(slowClosed, slowClosed != null && slowClosed <= 10));
        Double storm = num(o, "storm", "allResyncedSeconds");
        out.put("storm: all resynced within 10 s", check(storm, storm != null && storm <= 10));
        Double flood = num(o, "flood", "otherRoomsP99OverSteadyP99");
        out.put("flood: other rooms p99 <= 1.2x steady p99", check(flood, flood != null && flood <= 1.2));
        return out;
    }

    private static Map<String, Object> check(Double value, boolean met) {
        var m = new LinkedHashMap<String, Object>();
        m.put("value", value == null ? null : Math.round(value * 1000) / 1000.0);
        m.put("met", value == null ? null : met);
        return m;
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> report) {
        var sb = new StringBuilder();
        var results = (Map<String, Object>) report.get("results");
        sb.append("## Benchmark run ").append(report.get("startedAt")).append("\n\n");
        sb.append("`").append(report.get("command")).append("` — ").append(report.get("rooms")).append(" rooms × ")
                .append(report.get("membersPerRoom")).append(" panels; machine: ").append(report.get("machine")).append("; load after: ")
                .append(report.get("loadAfter")).append("\n\n");
        sb.append("| metric |");
        for (String t : results.keySet()) sb.append(' ').append(t).append(" |");
        var ratios = (Map<String, Object>) report.get("ratios");
        for (String r : ratios.keySet()) sb.append(' ').append(r).append(" |");
        sb.append("\n|---|");
        sb.append("---|".repeat(results.size() + ratios.size())).append('\n');
        for (String[] m : METRICS) {
            String[] path = java.util.Arrays.copyOfRange(m, 1, m.length);
            sb.append("| ").append(m[0]).append(" |");
            for (Object r : results.values()) sb.append(' ').append(fmt(num(r, path))).append(" |");
            for (Object r : ratios.values()) sb.append(' ').append(fmt(num(r, m[0]))).append(" |");
            sb.append('\n');
        }
        sb.append("\nTargets (ours):\n\n");
        var t = (Map<String, Object>) report.get("targetsCheck");
        for (var e : t.entrySet()) {
            var c = (Map<String, Object>) e.getValue();
            Object met = c.get("met");
            sb.append("- ").append(e.getKey()).append(": ").append(fmt(c.get("value") instanceof Number n ? n.doubleValue() : null))
                    .append(" — ").append(met == null ? "not measured" : ((Boolean) met ? "met" : "MISSED")).append('\n');
        }
        Object peak = at(results.get(OURS), "phases");
        if (peak instanceof List<?> phases) {
            sb.append("\nOur windows:\n\n| window | target/s | cmd/s | p50 | p90 | p99 | p99.9 | max (ms) | errors | incomplete | server cores | generator cores |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (Object ph : phases) {
                sb.append("| ").append(at(ph, "name")).append(" | ").append(fmt(num(ph, "targetRate"))).append(" | ")
                        .append(fmt(num(ph, "commandsPerSecond"))).append(" | ")
                        .append(fmt(num(ph, "fanout", "p50_ms"))).append(" | ").append(fmt(num(ph, "fanout", "p90_ms"))).append(" | ")
                        .append(fmt(num(ph, "fanout", "p99_ms"))).append(" | ").append(fmt(num(ph, "fanout", "p999_ms"))).append(" | ")
                        .append(fmt(num(ph, "fanout", "max_ms"))).append(" | ").append(fmt(num(ph, "errors"))).append(" | ")
                        .append(fmt(num(ph, "incomplete"))).append(" | ").append(fmt(num(ph, "serverCores"))).append(" | ")
                        .append(fmt(num(ph, "generatorCores"))).append(" |\n");
            }
        }
        return sb.toString();
    }

    static String fmt(Double d) {
        if (d == null || d.isNaN()) return "–";
        if (d == Math.rint(d) && Math.abs(d) >= 10) return String.format("%.0f", d);
        return String.format("%.3g", d);
    }
}
