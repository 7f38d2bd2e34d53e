package org.balintcompanion.zoom;

import java.security.SecureRandom;
import java.util.function.Supplier;

/** Meeting passcodes made on our side, so a preset's "passcode on" never depends on the host's Zoom defaults. */
final class Passcodes {

    // No 0/O, 1/l/I: people type this from an invitation.
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    // Zoom's maximum; long enough to resist guessing behind a waiting room.
    private static final int LENGTH = 10;

    private Passcodes() {
    }

    /**
     * Ten letters and digits with at least one upper-case letter, one lower-case letter and one digit: this meets
     * Zoom's optional "letter", "number" and "upper and lower case" passcode rules. An account that demands
     * numeric-only or special characters makes Zoom refuse the create with a clear message.
     */
    static Supplier<String> secureRandom() {
        SecureRandom random = new SecureRandom();
        return () -> generate(random);
    }

    private static String generate(SecureRandom random) {
        while (true) {
            StringBuilder code = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) {
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String candidate = code.toString();
            if (candidate.chars().anyMatch(Character::isUpperCase) && candidate.chars().anyMatch(Character::isLowerCase)
                    && candidate.chars().anyMatch(Character::isDigit)) {
                return candidate;
            }
        }
    }
}
