package org.balintcompanion.admin;

import org.balintcompanion.store.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.balintcompanion.room.ChecklistItem;
import org.balintcompanion.room.PhaseTemplate;
import org.balintcompanion.room.QueuePolicy;
import org.balintcompanion.room.Role;
import org.balintcompanion.room.RoomSettings;
import org.balintcompanion.room.SpeakingRule;
import org.balintcompanion.store.Database;

/** Groups, their settings and their roster, with the checks the domain asks for when someone joins a group. */
public final class Groups {
    static final int MEMBERS_BEFORE_WARNING = 10;

    public record Group(String id, String name, String language, String timeZone, PhaseTemplate template,
                       SpeakingRule speakingRule, QueuePolicy queuePolicy, boolean timersShown, List<ChecklistItem> checklist,
                       boolean phoneOnlyAllowed, boolean observerAllowed, boolean keepPresentedOn, String zoomPresetId,
                       int inviteDaysAhead, int reminderHoursBefore, int lastCallMinutesBefore) {}

    public record RosterEntry(String personId, String displayName, Role role, int seat) {}

    private final Database db;
    private final Ids ids;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectMapper json;
    private final RoomOpener rooms;

    public Groups(Database db, Ids ids, AuditLog audit, Clock clock, ObjectMapper json, RoomOpener rooms) {
        this.db = db;
        this.ids = ids;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
        this.rooms = rooms;
    }

    public List<Group> visibleTo(Account a) {
        if (a.isAdmin()) return db.read(c -> Sql.list(c, "SELECT * FROM balint_group ORDER BY name", this::group));
        return db.read(c -> Sql.list(c, "SELECT g.* FROM balint_group g JOIN roster_entry r ON r.group_id = g.id "
                + "WHERE r.person_id = ? AND r.role IN ('LEADER','CO_LEADER') ORDER BY g.name", this::group, a.personId()));
    }

    public Group group(Account a, String id) {
        Group g = db.read(c -> Sql.one(c, "SELECT * FROM balint_group WHERE id = ?", this::group, id));
        if (g == null) throw ApiException.notFound("group");
        Access.requireLeads(db, a, id);
        return g;
    }

    public Group save(Account by, String id, Fields f) {
        Access.requireAdmin(by);
        Group old = id == null ? null : group(by, id);
        var g = new Group(old == null ? ids.newId("g-") : id,
                f.has("name") || old == null ? f.text("name", 120) : old.name(),
                f.language("language", old == null ? "fr" : old.language()),
                f.has("timeZone") ? f.zone("timeZone").getId() : old == null ? "Europe/Paris" : old.timeZone(),
                f.has("template") ? f.choice("template", PhaseTemplate.class) : old == null ? PhaseTemplate.OPEN : old.template(),
                f.has("speakingRule") ? f.choice("speakingRule", SpeakingRule.class) : old == null ? SpeakingRule.RAISE_HAND : old.speakingRule(),
                f.has("queuePolicy") ? f.choice("queuePolicy", QueuePolicy.class) : old == null ? QueuePolicy.SPOKEN_LEAST_FIRST : old.queuePolicy(),
                f.bool("timersShown", old == null || old.timersShown()),
                f.has("checklist") ? checklist(f.node("checklist")) : old == null ? RoomSettings.defaultChecklist() : old.checklist(),
                f.bool("phoneOnlyAllowed", old == null || old.phoneOnlyAllowed()),
                f.bool("observerAllowed", old == null || old.observerAllowed()),
                f.bool("keepPresentedOn", old != null && old.keepPresentedOn()),
                f.has("zoomPresetId") ? f.text("zoomPresetId", 32) : old == null ? null : old.zoomPresetId(),
                f.has("inviteDaysAhead") ? f.integer("inviteDaysAhead", 1, 60) : old == null ? 7 : old.inviteDaysAhead(),
                f.has("reminderHoursBefore") ? f.integer("reminderHoursBefore", 1, 336) : old == null ? 48 : old.reminderHoursBefore(),
                f.has("lastCallMinutesBefore") ? f.integer("lastCallMinutesBefore", 5, 1440) : old == null ? 60 : old.lastCallMinutesBefore());
        if (g.zoomPresetId() != null && db.read(c -> Sql.one(c, "SELECT 1 FROM zoom_preset WHERE id = ?", rs -> true, g.zoomPresetId())) == null) {
            throw ApiException.badField("zoomPresetId", "There is no Zoom preset with this id.");
        }
        String checklistJson = write(g.checklist());
        db.inTransaction(c -> {
            if (old == null) {
                Sql.update(c, "INSERT INTO balint_group (id, name, language, time_zone, template, speaking_rule, queue_policy, timers_shown, "
                        + "checklist_json, phone_only_allowed, observer_allowed, keep_presented_on, zoom_preset_id, created_at, "
                        + "invite_days_ahead, reminder_hours_before, last_call_minutes_before) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", g.id(), g.name(), g.language(), g.timeZone(), g.template(),
                        g.speakingRule(), g.queuePolicy(), g.timersShown(), checklistJson, g.phoneOnlyAllowed(), g.observerAllowed(),
                        g.keepPresentedOn(), g.zoomPresetId(), clock.instant(), g.inviteDaysAhead(), g.reminderHoursBefore(),
                        g.lastCallMinutesBefore());
            } else {
                Sql.update(c, "UPDATE balint_group SET name = ?, language = ?, time_zone = ?, template = ?, speaking_rule = ?, queue_policy = ?, "
                        + "timers_shown = ?, checklist_json = ?, phone_only_allowed = ?, observer_allowed = ?, keep_presented_on = ?, "
                        + "zoom_preset_id = ?, invite_days_ahead = ?, reminder_hours_before = ?, last_call_minutes_before = ? WHERE id = ?",
                        g.name(), g.language(), g.timeZone(), g.template(), g.speakingRule(),
                        g.queuePolicy(), g.timersShown(), checklistJson, g.phoneOnlyAllowed(), g.observerAllowed(), g.keepPresentedOn(),
                        g.zoomPresetId(), g.inviteDaysAhead(), g.reminderHoursBefore(), g.lastCallMinutesBefore(), g.id());
            }
            audit.record(c, by.email(), old == null ? "group.create" : "group.update", g.id());
            return null;
        });
        return g;
    }

    public void delete(Account by, String id) {
        Access.requireAdmin(by);
        group(by, id);
        List<String> meetings = db.read(c -> Sql.list(c, "SELECT id FROM meeting WHERE group_id = ?", rs -> rs.getString(1), id));
        rooms.deleting(by, meetings, () -> db.inTransaction(c -> {
            Sql.update(c, "DELETE FROM balint_group WHERE id = ?", id);
            audit.record(c, by.email(), "group.delete", id);
            return null;
        }));
    }

    public List<RosterEntry> roster(Account a, String groupId) {
        group(a, groupId);
        return db.read(c -> Sql.list(c, "SELECT r.person_id, p.display_name, r.role, r.seat FROM roster_entry r "
                + "JOIN person p ON p.id = r.person_id WHERE r.group_id = ? ORDER BY r.seat, p.display_name",
                rs -> new RosterEntry(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getInt(4)), groupId));
    }

    /**
     * Puts a person on the roster with a role. Refuses an observer who supervises a member, or an observer the group
     * does not allow; asks for confirmation when two people with a declared supervisory tie would share the group,
     * or when the group would pass ten members.
     */
    public RosterEntry putOnRoster(Account by, String groupId, String personId, Fields f) {
        Access.requireAdmin(by);
        Group g = group(by, groupId);
        Role role = f.choice("role", Role.class);
        if (role == Role.SYSTEM) throw ApiException.badField("role", "'role' must be LEADER, CO_LEADER, MEMBER or OBSERVER.");
        boolean confirmed = f.bool("confirm", false);
        String name = db.read(c -> Sql.one(c, "SELECT display_name FROM person WHERE id = ?", rs -> rs.getString(1), personId));
        if (name == null) throw ApiException.notFound("person");
        List<RosterEntry> others = roster(by, groupId).stream().filter(e -> !e.personId().equals(personId)).toList();
        if (role == Role.OBSERVER && !g.observerAllowed()) throw ApiException.conflict("role", "This group does not allow an observer.");
        var warnings = new ArrayList<String>();
        for (RosterEntry other : others) {
            boolean supervises = linked(personId, other.personId());
            boolean supervised = linked(other.personId(), personId);
            if (role == Role.OBSERVER && supervises && other.role() == Role.MEMBER) {
                throw ApiException.conflict("role", name + " supervises " + other.displayName() + ": an observer must have no hierarchical tie to any member.");
            }
            if (supervises) warnings.add(name + " supervises " + other.displayName() + " (declared tie): members should have no hierarchy between them.");
            if (supervised) warnings.add(other.displayName() + " supervises " + name + " (declared tie): members should have no hierarchy between them.");
        }
        long members = others.stream().filter(e -> e.role() == Role.MEMBER).count() + (role == Role.MEMBER ? 1 : 0);
        if (members > MEMBERS_BEFORE_WARNING) warnings.add("The group would have " + members + " members: more than 10 is usually too many.");
        if (!warnings.isEmpty() && !confirmed) {
            throw new ApiException(409, "Confirmation needed", String.join(" ", warnings) + " Send again with \"confirm\": true to go ahead.",
                    "confirm", java.util.Map.of("warnings", warnings));
        }
        int seat = f.has("seat") ? f.integer("seat", 0, 1000) : others.stream().mapToInt(RosterEntry::seat).max().orElse(-1) + 1;
        Role before = db.read(c -> Sql.one(c, "SELECT role FROM roster_entry WHERE group_id = ? AND person_id = ?",
                rs -> Role.valueOf(rs.getString(1)), groupId, personId));
        db.inTransaction(c -> {
            Sql.update(c, "DELETE FROM roster_entry WHERE group_id = ? AND person_id = ?", groupId, personId);
            Sql.update(c, "INSERT INTO roster_entry (group_id, person_id, role, seat) VALUES (?,?,?,?)", groupId, personId, role, seat);
            audit.record(c, by.email(), "roster.put", groupId + "/" + personId);
            return null;
        });
        if (before != null && before != role) rooms.roleChanged(groupId, personId, role);
        return new RosterEntry(personId, name, role, seat);
    }

    public void removeFromRoster(Account by, String groupId, String personId) {
        Access.requireAdmin(by);
        group(by, groupId);
        int removed = db.inTransaction(c -> {
            int n = Sql.update(c, "DELETE FROM roster_entry WHERE group_id = ? AND person_id = ?", groupId, personId);
            audit.record(c, by.email(), "roster.delete", groupId + "/" + personId);
            return n;
        });
        if (removed == 0) throw ApiException.notFound("roster entry");
        rooms.removedFromRoster(groupId, personId);
    }

    private boolean linked(String supervisor, String supervisee) {
        return db.read(c -> Sql.one(c, "SELECT 1 FROM supervision WHERE supervisor_id = ? AND supervisee_id = ?",
                rs -> true, supervisor, supervisee) != null);
    }

    private List<ChecklistItem> checklist(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty() || node.size() > 20) {
            throw ApiException.badField("checklist", "'checklist' must be a list of 1 to 20 items {id, labelFr, labelEn}.");
        }
        var out = new ArrayList<ChecklistItem>();
        for (JsonNode item : node) {
            var f = new Fields(item);
            try {
                out.add(new ChecklistItem(f.text("id", 64), f.text("labelFr", 200), f.text("labelEn", 200)));
            } catch (ApiException e) {
                throw ApiException.badField("checklist", "Each checklist item needs an id, labelFr and labelEn.");
            }
        }
        return out;
    }

    private String write(List<ChecklistItem> items) {
        try {
            return json.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Group group(ResultSet rs) throws SQLException {
        List<ChecklistItem> items;
        try {
            items = json.readValue(rs.getString("checklist_json"), new TypeReference<List<ChecklistItem>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored checklist is unreadable", e);
        }
        return new Group(rs.getString("id"), rs.getString("name"), rs.getString("language"), rs.getString("time_zone"),
                PhaseTemplate.valueOf(rs.getString("template")), SpeakingRule.valueOf(rs.getString("speaking_rule")),
                QueuePolicy.valueOf(rs.getString("queue_policy")), rs.getBoolean("timers_shown"), items,
                rs.getBoolean("phone_only_allowed"), rs.getBoolean("observer_allowed"), rs.getBoolean("keep_presented_on"),
                rs.getString("zoom_preset_id"), rs.getInt("invite_days_ahead"), rs.getInt("reminder_hours_before"),
                rs.getInt("last_call_minutes_before"));
    }
}
