package org.balintcompanion.room;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The room core depends on nothing but the JDK and reads no clock: that is what keeps its rules testable. */
class RoomCoreIsPureTest {
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @Test void roomPackageImportsOnlyTheJdkAndItself() throws IOException {
        Path dir = Path.of("src/main/java/org/balintcompanion/room");
        List<String> offending;
        try (Stream<Path> files = Files.list(dir)) {
            offending = files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                try {
                    String src = Files.readString(f);
                    return IMPORT.matcher(src).results().map(m -> m.group(2))
                            .filter(i -> !i.startsWith("java.") && !i.startsWith("org.balintcompanion.room"))
                            .map(i -> f.getFileName() + ": " + i);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertEquals(List.of(), offending);
    }

    @Test void roomPackageNeverReadsTheClock() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/balintcompanion/room"))) {
            files.forEach(f -> {
                try {
                    String src = Files.readString(f);
                    assertFalse(src.contains("Instant.now()") || src.contains("System.currentTimeMillis")
                            || src.contains("Clock."), f + " reads the clock");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
