package org.balintcompanion.admin;

/** Someone who may use the admin API: an administrator, or a leader managing their own groups' meetings. */
public record Account(String id, String email, Kind kind, String personId) {
    public enum Kind { ADMIN, LEADER }

    public boolean isAdmin() { return kind == Kind.ADMIN; }
}
