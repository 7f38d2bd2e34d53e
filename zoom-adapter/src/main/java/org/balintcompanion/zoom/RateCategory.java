package org.balintcompanion.zoom;

/** Zoom's rate-limit label of an endpoint, printed in each operation's description in the spec. */
public enum RateCategory {
    LIGHT, MEDIUM, HEAVY
}
