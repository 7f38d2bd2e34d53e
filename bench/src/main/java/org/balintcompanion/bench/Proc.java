package org.balintcompanion.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** CPU time, resident memory and open descriptors of a process, from /proc (Linux). */
final class Proc {
    private Proc() {}

    /** Clock ticks per second for /proc/<pid>/stat; 100 on every Linux x86-64 kernel ({@code getconf CLK_TCK}). */
    static final double TICKS = 100.0;

    /** User + system CPU seconds consumed so far, or -1 when the process is gone. */
    static double cpuSeconds(long pid) {
        try {
            String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        } catch (IOException | RuntimeException ignored) {
            // gone
        }
        return -1;
    }

    static int openFiles(long pid) {
        try (Stream<Path> s = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            return (int) s.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static int threads(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("Threads:")) return Integer.parseInt(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | RuntimeException ignored) {
            // gone
        }
        return -1;
    }

    /** CPU used between two readings, in cores (1.0 = one core busy the whole time). */
    record Window(long pid, double cpu0, long t0) {
        static Window start(long pid) { return new Window(pid, cpuSeconds(pid), System.nanoTime()); }

        double cores() {
            double cpu1 = cpuSeconds(pid);
            double secs = (System.nanoTime() - t0) / 1e9;
            return cpu0 < 0 || cpu1 < 0 || secs <= 0 ? -1 : (cpu1 - cpu0) / secs;
        }
    }
}
