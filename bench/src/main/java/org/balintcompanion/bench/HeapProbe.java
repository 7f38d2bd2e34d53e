package org.balintcompanion.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Live heap of the server under test after a full GC. JVMs: {@code jcmd <pid> GC.class_histogram} (a full GC, then
 * every live object counted: exact bytes, and which classes hold them). Node: {@code GET /stats} of the baseline,
 * which runs {@code gc()} then reports {@code heapUsed + external}.
 */
interface HeapProbe {
    record Reading(long liveBytes, Map<String, Long> bytesByClass) {}

    Reading read() throws IOException, InterruptedException;

    static HeapProbe of(String spec, long pid) {
        if (spec.startsWith("jcmd:")) return new Jcmd(spec.substring(5), pid);
        if (spec.startsWith("http")) return new Http(spec);
        return () -> new Reading(-1, Map.of());
    }

    record Jcmd(String jcmd, long pid) implements HeapProbe {
        @Override public Reading read() throws IOException, InterruptedException {
            Process p = new ProcessBuilder(jcmd, Long.toString(pid), "GC.class_histogram").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly();
            long total = -1;
            var byClass = new LinkedHashMap<String, Long>();
            for (String line : out.split("\n")) {
                String t = line.trim();
                String[] f = t.split("\\s+");
                if (t.startsWith("Total") && f.length >= 3) {
                    total = Long.parseLong(f[2]);
                } else if (f.length >= 4 && f[0].endsWith(":")) {
                    byClass.merge(f[3], Long.parseLong(f[2]), Long::sum);
                }
            }
            return new Reading(total, byClass);
        }
    }

    record Http(String url) implements HeapProbe {
        @Override public Reading read() throws IOException, InterruptedException {
            var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            var resp = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode n = new ObjectMapper().readTree(resp.body());
            var parts = new LinkedHashMap<String, Long>();
            parts.put("heapUsed", n.path("heapUsed").asLong());
            parts.put("external", n.path("external").asLong());
            return new Reading(n.path("heapUsed").asLong() + n.path("external").asLong(), parts);
        }
    }

    /** Classes whose live bytes grew the most between two readings, per unit (e.g. per connection). */
    static List<Map<String, Object>> growth(Reading before, Reading after, int units, int top) {
        var rows = new ArrayList<Map<String, Object>>();
        after.bytesByClass().forEach((cls, bytes) -> {
            long d = bytes - before.bytesByClass().getOrDefault(cls, 0L);
            if (d > 0) {
                var m = new LinkedHashMap<String, Object>();
                m.put("class", cls);
                m.put("bytes", d);
                m.put("bytesPerUnit", units > 0 ? Math.round(d * 10.0 / units) / 10.0 : 0);
                rows.add(m);
            }
        });
        rows.sort((a, b) -> Long.compare((Long) b.get("bytes"), (Long) a.get("bytes")));
        return rows.subList(0, Math.min(top, rows.size()));
    }
}
