package org.balintcompanion.room;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The room core depends on nothing but the JDK and reads no clock or randomness: that is what keeps its rules
 * testable. The source is read with comments and string literals blanked out, so a name written inline
 * ({@code org.slf4j.LoggerFactory.getLogger(..)}, {@code java.time.LocalDate.now()}) is caught like an import.
 */
class RoomCoreIsPureTest {
    private static final Path ROOM = Path.of("src/main/java/org/balintcompanion/room");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    /** A dotted name starting with a package (lower-case parts, then a type): {@code org.slf4j.Logger}. */
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.])((?:[a-z_][\\w]*\\.)+)[A-Z]\\w*");
    /** Reading the clock or chance, however qualified: {@code LocalDate.now()}, {@code Instant.now(clock)}, ... */
    private static final Pattern NONDETERMINISTIC = Pattern.compile(
            "[\\w.]*\\.now\\s*\\(|\\bSystem\\s*\\.\\s*(currentTimeMillis|nanoTime)\\b|\\bClock\\s*\\.|\\bRandom\\b|\\bMath\\s*\\.\\s*random\\b"
                    + "|\\bThreadLocalRandom\\b|\\bSecureRandom\\b|\\brandomUUID\\b|\\bSystem\\s*\\.\\s*getenv\\b");
    private static final Pattern COMMENTS_AND_STRINGS = Pattern.compile(
            "/\\*.*?\\*/|//[^\\n]*|\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])+'", Pattern.DOTALL);

    @Test void roomPackageImportsOnlyTheJdkAndItself() {
        assertEquals(List.of(), offending(IMPORT, 2, RoomCoreIsPureTest::outsideTheCore));
    }

    @Test void roomPackageNamesNothingOutsideTheJdkAndItselfInline() {
        assertEquals(List.of(), offending(QUALIFIED, 1, RoomCoreIsPureTest::outsideTheCore));
    }

    @Test void roomPackageNeverReadsTheClockOrChance() {
        assertEquals(List.of(), offending(NONDETERMINISTIC, 0, found -> true));
    }

    private static boolean outsideTheCore(String name) {
        return !name.startsWith("java.") && !name.startsWith("org.balintcompanion.room");
    }

    /** Each match of {@code pattern} in the room sources (comments and strings blanked) whose group is refused. */
    private static List<String> offending(Pattern pattern, int group, java.util.function.Predicate<String> refused) {
        var out = new ArrayList<String>();
        try (Stream<Path> files = Files.list(ROOM)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                Matcher m = pattern.matcher(code(Files.readString(f)));
                while (m.find()) if (refused.test(m.group(group))) out.add(f.getFileName() + ": " + m.group());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The source with comments and literals replaced by spaces, so what they mention is not taken for code. */
    private static String code(String source) {
        return COMMENTS_AND_STRINGS.matcher(source).replaceAll(r -> " ".repeat(r.group().length()));
    }
}
