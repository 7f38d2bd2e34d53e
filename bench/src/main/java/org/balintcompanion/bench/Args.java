package org.balintcompanion.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} and {@code --flag} arguments. */
final class Args {
    private final Map<String, String> values = new LinkedHashMap<>();

    static Args parse(String[] args) {
        var a = new Args();
        for (int i = 0; i < args.length; i++) {
            String k = args[i];
            if (!k.startsWith("--")) throw new IllegalArgumentException("unexpected argument '" + k + "'");
            k = k.substring(2);
            int eq = k.indexOf('=');
            if (eq > 0) {
                a.values.put(k.substring(0, eq), k.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                a.values.put(k, args[++i]);
            } else {
                a.values.put(k, "true");
            }
        }
        return a;
    }

    boolean has(String k) { return values.containsKey(k); }

    String text(String k, String fallback) { return values.getOrDefault(k, fallback); }

    int integer(String k, int fallback) { return values.containsKey(k) ? Integer.parseInt(values.get(k)) : fallback; }

    double decimal(String k, double fallback) { return values.containsKey(k) ? Double.parseDouble(values.get(k)) : fallback; }

    boolean flag(String k) { return "true".equals(values.get(k)); }

    List<String> list(String k, String fallback) {
        var out = new ArrayList<String>();
        for (String s : text(k, fallback).split(",")) if (!s.isBlank()) out.add(s.trim());
        return out;
    }

    Map<String, String> all() { return values; }
}
