package org.balintcompanion.admin;

import org.balintcompanion.store.Sql;
import org.balintcompanion.store.Database;

/** Who may touch what: administrators everything; a leader account only the meetings of groups that person leads. */
final class Access {
    /** SQL for the ids of the groups the person bound to the one parameter leads or co-leads. */
    static final String GROUPS_LED = "SELECT group_id FROM roster_entry WHERE person_id = ? AND role IN ('LEADER','CO_LEADER')";

    private Access() {}

    static void requireAdmin(Account a) {
        if (!a.isAdmin()) throw ApiException.forbidden("Only an administrator can do this.");
    }

    static void requireLeads(Database db, Account a, String groupId) {
        if (a.isAdmin()) return;
        boolean leads = db.read(c -> Sql.one(c,
                "SELECT 1 FROM roster_entry WHERE group_id = ? AND person_id = ? AND role IN ('LEADER','CO_LEADER')",
                rs -> true, groupId, a.personId()) != null);
        if (!leads) throw ApiException.forbidden("You lead no group with this id: you may manage only your own groups' meetings.");
    }
}
