package org.balintcompanion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.balintcompanion.admin.Account;
import org.balintcompanion.admin.Admin;
import org.balintcompanion.admin.Directory;
import org.balintcompanion.admin.Fields;
import org.balintcompanion.admin.Groups;
import org.balintcompanion.admin.JoinLinks;
import org.balintcompanion.admin.Meetings;

/**
 * The demo group: two leaders, eight members and a silent observer, a meeting starting now, its room open and one
 * link per person. Built through the same admin services an administrator uses, so the demo exercises the real path;
 * a restart finds the group and its room again instead of making new ones.
 */
final class DemoRoom {
    static final String GROUP_NAME = "Groupe Balint de démonstration";
    private static final Account DEMO = new Account("demo", "demo (--demo)", Account.Kind.ADMIN, null);
    private static final ObjectMapper JSON = new ObjectMapper();

    record Person(String name, String email, String role) {}

    private DemoRoom() {}

    static List<Person> people() {
        return List.of(
                new Person("Claire Martin", "claire.martin@demo.invalid", "LEADER"),
                new Person("Amélie Dubois", "amelie.dubois@demo.invalid", "MEMBER"),
                new Person("Bastien Leroy", "bastien.leroy@demo.invalid", "MEMBER"),
                new Person("Camille Moreau", "camille.moreau@demo.invalid", "MEMBER"),
                new Person("David Petit", "david.petit@demo.invalid", "MEMBER"),
                new Person("Hugo Bernard", "hugo.bernard@demo.invalid", "CO_LEADER"),
                new Person("Élise Roux", "elise.roux@demo.invalid", "MEMBER"),
                new Person("François Girard", "francois.girard@demo.invalid", "MEMBER"),
                new Person("Inès Lambert", "ines.lambert@demo.invalid", "MEMBER"),
                new Person("Julien Fontaine", "julien.fontaine@demo.invalid", "MEMBER"),
                new Person("Nadia Chevalier", "nadia.chevalier@demo.invalid", "OBSERVER"));
    }

    /** Opens (or finds) the demo meeting's room and writes its links to {@code <data dir>/demo-links.json}. */
    static List<JoinLinks.Link> open(App app, Clock clock) throws IOException {
        Admin admin = app.admin();
        Groups.Group group = admin.groups().visibleTo(DEMO).stream().filter(g -> g.name().equals(GROUP_NAME)).findFirst()
                .orElseGet(() -> create(admin));
        Meetings.Meeting meeting = admin.meetings().ofGroup(group.id()).stream()
                .filter(m -> m.status() == Meetings.Status.SCHEDULED && m.endsAt().isAfter(clock.instant())).findFirst()
                .orElseGet(() -> admin.meetings().createSingle(DEMO, group, clock.instant().truncatedTo(ChronoUnit.MINUTES), 120));
        var roster = admin.groups().roster(DEMO, group.id());
        if (!admin.rooms().isOpen(meeting.id())) admin.rooms().open(DEMO, group, meeting, roster);
        List<JoinLinks.Link> links = admin.links().issue(DEMO, meeting, roster, null);
        write(app.config().dataDir().resolve("demo-links.json"), meeting.id(), links);
        return links;
    }

    private static Groups.Group create(Admin admin) {
        Groups.Group group = admin.groups().save(DEMO, null, fields(Map.of("name", GROUP_NAME, "language", "fr",
                "timeZone", "Europe/Paris")));
        var byEmail = new java.util.HashMap<String, Directory.Person>();
        for (Directory.Person p : admin.directory().people()) if (p.email() != null) byEmail.put(p.email(), p);
        for (Person p : people()) {
            Directory.Person person = byEmail.containsKey(p.email()) ? byEmail.get(p.email())
                    : admin.directory().createPerson(DEMO, fields(Map.of("displayName", p.name(), "email", p.email())));
            admin.groups().putOnRoster(DEMO, group.id(), person.id(), fields(Map.of("role", p.role(), "confirm", true)));
        }
        return group;
    }

    private static Fields fields(Map<String, Object> values) {
        ObjectNode node = JSON.valueToTree(values);
        return new Fields(node);
    }

    private static void write(Path file, String room, List<JoinLinks.Link> links) throws IOException {
        var out = new ArrayList<Map<String, String>>();
        for (JoinLinks.Link l : links) {
            out.add(Map.of("member", l.personId(), "name", l.displayName(), "role", l.role().name(), "url", l.url()));
        }
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(partial.toFile(), Map.of("room", room, "links", out));
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
