package org.balintcompanion.admin;

import org.balintcompanion.store.Sql;
import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.balintcompanion.store.Database;
import org.balintcompanion.store.StoreException;

/** People, their declared supervisory ties, and Zoom presets: administrators' reference data. */
public final class Directory {
    public record Person(String id, String displayName, String email, String language, String timeZone) {}

    public record Preset(String id, String name, JsonNode settings) {}

    private final Database db;
    private final Ids ids;
    private final AuditLog audit;
    private final Clock clock;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final RoomOpener rooms;

    public Directory(Database db, Ids ids, AuditLog audit, Clock clock, com.fasterxml.jackson.databind.ObjectMapper json,
                     RoomOpener rooms) {
        this.db = db;
        this.ids = ids;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
        this.rooms = rooms;
    }

    public List<Person> people() {
        return db.read(c -> Sql.list(c, "SELECT * FROM person ORDER BY display_name", Directory::person));
    }

    /** Everyone for an administrator; for a leader only the people on the rosters of the groups they lead. */
    public List<Person> peopleVisibleTo(Account a) {
        if (a.isAdmin()) return people();
        return db.read(c -> Sql.list(c, "SELECT * FROM person WHERE id IN (SELECT r.person_id FROM roster_entry r "
                + "WHERE r.group_id IN (" + Access.GROUPS_LED + ")) ORDER BY display_name", Directory::person, a.personId()));
    }

    /** One person, when {@code a} may see them; someone outside a leader's groups is "not found", as if absent. */
    public Person person(Account a, String id) {
        Person p = person(id);
        if (!a.isAdmin() && db.read(c -> Sql.one(c, "SELECT 1 FROM roster_entry r WHERE r.person_id = ? AND r.group_id IN ("
                + Access.GROUPS_LED + ")", rs -> true, id, a.personId())) == null) {
            throw ApiException.notFound("person");
        }
        return p;
    }

    /** Who this person supervises: administrators only, or a leader asking about their own ties. */
    public List<String> supervisees(Account a, String supervisor) {
        if (!a.isAdmin() && !supervisor.equals(a.personId())) {
            throw ApiException.forbidden("Only an administrator can read other people's supervisory ties.");
        }
        return supervisees(supervisor);
    }

    /** The Zoom presets: administrators' reference data. */
    public List<Preset> presets(Account a) {
        Access.requireAdmin(a);
        return presets();
    }

    public Preset preset(Account a, String id) {
        Access.requireAdmin(a);
        return preset(id);
    }

    public Person person(String id) {
        Person p = db.read(c -> Sql.one(c, "SELECT * FROM person WHERE id = ?", Directory::person, id));
        if (p == null) throw ApiException.notFound("person");
        return p;
    }

    public Person createPerson(Account by, Fields f) {
        Access.requireAdmin(by);
        var p = new Person(ids.newId("p-"), f.text("displayName", 120), f.has("email") ? Fields.email(f.text("email", 320), "email") : null,
                f.language("language", "fr"), f.has("timeZone") ? f.zone("timeZone").getId() : "Europe/Paris");
        write(by, "person.create", p.id(), c -> Sql.update(c,
                "INSERT INTO person (id, display_name, email, language, time_zone, created_at) VALUES (?,?,?,?,?,?)",
                p.id(), p.displayName(), p.email(), p.language(), p.timeZone(), clock.instant()));
        return p;
    }

    public Person updatePerson(Account by, String id, Fields f) {
        Access.requireAdmin(by);
        Person old = person(id);
        var p = new Person(id, f.has("displayName") ? f.text("displayName", 120) : old.displayName(),
                f.has("email") ? Fields.email(f.text("email", 320), "email") : old.email(),
                f.language("language", old.language()), f.has("timeZone") ? f.zone("timeZone").getId() : old.timeZone());
        write(by, "person.update", id, c -> Sql.update(c,
                "UPDATE person SET display_name = ?, email = ?, language = ?, time_zone = ? WHERE id = ?",
                p.displayName(), p.email(), p.language(), p.timeZone(), id));
        return p;
    }

    public void deletePerson(Account by, String id) {
        Access.requireAdmin(by);
        person(id);
        List<String> groups = db.read(c -> Sql.list(c, "SELECT group_id FROM roster_entry WHERE person_id = ?", rs -> rs.getString(1), id));
        for (String g : groups) rooms.removedFromRoster(g, id);   // before their roster rows go with them
        write(by, "person.delete", id, c -> Sql.update(c, "DELETE FROM person WHERE id = ?", id));
    }

    /** Declares that {@code supervisor} supervises (or is hierarchically above) {@code supervisee}. */
    public void addSupervision(Account by, String supervisor, String supervisee) {
        Access.requireAdmin(by);
        person(supervisor);
        person(supervisee);
        if (supervisor.equals(supervisee)) throw ApiException.badField("personId", "Nobody supervises themself.");
        write(by, "supervision.create", supervisor + ">" + supervisee, c -> {
            Sql.update(c, "DELETE FROM supervision WHERE supervisor_id = ? AND supervisee_id = ?", supervisor, supervisee);
            return Sql.update(c, "INSERT INTO supervision (supervisor_id, supervisee_id) VALUES (?,?)", supervisor, supervisee);
        });
    }

    public void removeSupervision(Account by, String supervisor, String supervisee) {
        Access.requireAdmin(by);
        write(by, "supervision.delete", supervisor + ">" + supervisee, c -> Sql.update(c,
                "DELETE FROM supervision WHERE supervisor_id = ? AND supervisee_id = ?", supervisor, supervisee));
    }

    public List<String> supervisees(String supervisor) {
        return db.read(c -> Sql.list(c, "SELECT supervisee_id FROM supervision WHERE supervisor_id = ?", rs -> rs.getString(1), supervisor));
    }

    public List<Preset> presets() {
        return db.read(c -> Sql.list(c, "SELECT id, name, settings_json FROM zoom_preset ORDER BY name", this::preset));
    }

    public Preset preset(String id) {
        Preset p = db.read(c -> Sql.one(c, "SELECT id, name, settings_json FROM zoom_preset WHERE id = ?", this::preset, id));
        if (p == null) throw ApiException.notFound("preset");
        return p;
    }

    public Preset savePreset(Account by, String id, Fields f) {
        Access.requireAdmin(by);
        Preset old = id == null ? null : preset(id);
        String name = f.has("name") || old == null ? f.text("name", 120) : old.name();
        JsonNode settings = f.has("settings") ? f.node("settings") : old == null ? json.createObjectNode() : old.settings();
        if (!settings.isObject()) throw ApiException.badField("settings", "'settings' must be an object of Zoom meeting settings.");
        PresetSettings.toPreset(name, settings);   // refuses unknown or contradictory settings before anything is stored
        var p = new Preset(id == null ? ids.newId("z-") : id, name, settings);
        write(by, old == null ? "preset.create" : "preset.update", p.id(), c -> old == null
                ? Sql.update(c, "INSERT INTO zoom_preset (id, name, settings_json, created_at) VALUES (?,?,?,?)", p.id(), name, settings.toString(), clock.instant())
                : Sql.update(c, "UPDATE zoom_preset SET name = ?, settings_json = ? WHERE id = ?", name, settings.toString(), p.id()));
        return p;
    }

    /** The preset as Zoom settings: the Balint default with what the admin changed. */
    public org.balintcompanion.zoom.SecurityPreset securityPreset(String id) {
        Preset p = preset(id);
        return PresetSettings.toPreset(p.name(), p.settings());
    }

    public void deletePreset(Account by, String id) {
        Access.requireAdmin(by);
        preset(id);
        write(by, "preset.delete", id, c -> Sql.update(c, "DELETE FROM zoom_preset WHERE id = ?", id));
    }

    private Preset preset(java.sql.ResultSet rs) throws java.sql.SQLException {
        try {
            return new Preset(rs.getString("id"), rs.getString("name"), json.readTree(rs.getString("settings_json")));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored preset is unreadable", e);
        }
    }

    private static Person person(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Person(rs.getString("id"), rs.getString("display_name"), rs.getString("email"), rs.getString("language"),
                rs.getString("time_zone"));
    }

    private void write(Account by, String action, String target, Database.Work<Integer> work) {
        try {
            db.inTransaction(c -> {
                work.run(c);
                audit.record(c, by.email(), action, target);
                return null;
            });
        } catch (StoreException e) {
            if (e.isDuplicateKey()) throw ApiException.conflict(action.startsWith("person") ? "email" : "name",
                    action.startsWith("person") ? "Someone already has this e-mail address." : "A preset already has this name.");
            throw e;
        }
    }
}
