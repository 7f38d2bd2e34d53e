package org.balintcompanion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.balintcompanion.room.MemberId;
import org.balintcompanion.room.Participant;
import org.balintcompanion.room.PhaseTemplate;
import org.balintcompanion.room.Role;
import org.balintcompanion.room.RoomId;
import org.balintcompanion.room.RoomSettings;

/** The demo group: two leaders, eight members and a silent observer, with their join links. */
final class DemoRoom {
    static final RoomId ID = RoomId.of("demo");
    private static final Duration LINKS_VALID_FOR = Duration.ofDays(30);

    record Link(String member, String name, String role, String url) {}

    private DemoRoom() {}

    static List<Participant> roster() {
        return List.of(
                person("claire", "Claire Martin", Role.LEADER),
                person("amelie", "Amélie Dubois", Role.MEMBER),
                person("bastien", "Bastien Leroy", Role.MEMBER),
                person("camille", "Camille Moreau", Role.MEMBER),
                person("david", "David Petit", Role.MEMBER),
                person("hugo", "Hugo Bernard", Role.CO_LEADER),
                person("elise", "Élise Roux", Role.MEMBER),
                person("francois", "François Girard", Role.MEMBER),
                person("ines", "Inès Lambert", Role.MEMBER),
                person("julien", "Julien Fontaine", Role.MEMBER),
                person("nadia", "Nadia Chevalier", Role.OBSERVER));
    }

    /** Opens the demo room and writes its links to {@code <data dir>/demo-links.json}. */
    static List<Link> open(App app) throws IOException {
        app.rooms().open(ID, "Groupe Balint — démonstration", RoomSettings.defaults(PhaseTemplate.OPEN), roster(), null);
        var links = new ArrayList<Link>();
        for (Participant p : roster()) {
            String token = app.tokens().issue(ID, p.id(), p.role(), LINKS_VALID_FOR);
            String page = p.role().leads() ? "/lead/" : "/join/";
            links.add(new Link(p.id().value(), p.name(), p.role().name(), app.config().publicUrl() + page + "#token=" + token));
        }
        Path file = app.config().dataDir().resolve("demo-links.json");
        Files.createDirectories(file.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(file.toFile(), java.util.Map.of("room", ID.value(), "links", links));
        return links;
    }

    private static Participant person(String id, String name, Role role) {
        return Participant.onRoster(MemberId.of(id), name, role);
    }
}
