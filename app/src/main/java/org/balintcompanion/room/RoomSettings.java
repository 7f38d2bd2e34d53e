package org.balintcompanion.room;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the group decided before the meeting: its phase template, the advisory target of each phase, whether members
 * see the timers, and the checklist every participant confirms. A meeting's room also knows when the meeting starts
 * and in which zone the group plans it, so each page can say the time in its reader's own zone; both are null for a
 * room tied to no meeting (and for rooms stored before they were kept).
 */
public record RoomSettings(PhaseTemplate template, Map<Phase, Duration> phaseTargets, boolean timersShownToMembers,
                           List<ChecklistItem> checklist, List<EarlierCase> earlierCases, boolean phoneOnlyAllowed,
                           Instant startsAt, ZoneId timeZone) {
    /** Who presented at the group's previous meeting, for the "news of earlier cases" opening: a name and a date. */
    public record EarlierCase(String name, java.time.LocalDate presentedOn) {
        public EarlierCase {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(presentedOn, "presentedOn");
        }
    }

    public RoomSettings {
        Objects.requireNonNull(template, "template");
        phaseTargets = Map.copyOf(phaseTargets);
        checklist = List.copyOf(checklist);
        earlierCases = List.copyOf(earlierCases);
        if ((startsAt == null) != (timeZone == null)) throw new IllegalArgumentException("a start needs its time zone");
    }

    /** Not tied to a meeting's start. */
    public RoomSettings(PhaseTemplate template, Map<Phase, Duration> phaseTargets, boolean timersShownToMembers,
                        List<ChecklistItem> checklist, List<EarlierCase> earlierCases, boolean phoneOnlyAllowed) {
        this(template, phaseTargets, timersShownToMembers, checklist, earlierCases, phoneOnlyAllowed, null, null);
    }

    /** Phone-only members accepted, as by default. */
    public RoomSettings(PhaseTemplate template, Map<Phase, Duration> phaseTargets, boolean timersShownToMembers,
                        List<ChecklistItem> checklist, List<EarlierCase> earlierCases) {
        this(template, phaseTargets, timersShownToMembers, checklist, earlierCases, true);
    }

    public RoomSettings(PhaseTemplate template, Map<Phase, Duration> phaseTargets, boolean timersShownToMembers,
                        List<ChecklistItem> checklist) {
        this(template, phaseTargets, timersShownToMembers, checklist, List.of(), true);
    }

    /** Defaults from the domain brief: telling 3-5 min, one case about an hour; silence before a case is open-ended. */
    public static RoomSettings defaults(PhaseTemplate template) {
        var targets = new EnumMap<Phase, Duration>(Phase.class);
        targets.put(Phase.OPENING, Duration.ofMinutes(5));
        targets.put(Phase.TELLING, Duration.ofMinutes(5));
        targets.put(Phase.GROUP_WORK, Duration.ofMinutes(60));
        targets.put(Phase.FACTUAL_QUESTIONS, Duration.ofMinutes(10));
        targets.put(Phase.PUSH_BACK, Duration.ofMinutes(30));
        targets.put(Phase.PRESENTER_RETURNS, Duration.ofMinutes(10));
        targets.put(Phase.CLOSING, Duration.ofMinutes(5));
        return new RoomSettings(template, targets, true, defaultChecklist());
    }

    public static List<ChecklistItem> defaultChecklist() {
        return List.of(
                new ChecklistItem("alone", "Je suis seul·e dans une pièce fermée", "I am alone in a closed room"),
                new ChecklistItem("unheard", "Personne ne peut m’entendre", "Nobody can overhear me"),
                new ChecklistItem("headphones", "J’ai mis un casque ou des écouteurs", "My headphones are on"),
                new ChecklistItem("realName", "Mon vrai nom est affiché dans Zoom", "My real name is shown in Zoom"),
                new ChecklistItem("notRecording", "Je n’enregistre rien", "I am not recording anything"));
    }

    /** The same settings for a meeting that starts at {@code startsAt}, planned in {@code timeZone}. */
    public RoomSettings startingAt(Instant startsAt, ZoneId timeZone) {
        return new RoomSettings(template, phaseTargets, timersShownToMembers, checklist, earlierCases, phoneOnlyAllowed,
                Objects.requireNonNull(startsAt, "startsAt"), Objects.requireNonNull(timeZone, "timeZone"));
    }

    public Duration targetOf(Phase phase) { return phaseTargets.getOrDefault(phase, Duration.ZERO); }

    public boolean hasChecklistItem(String id) {
        for (ChecklistItem item : checklist) if (item.id().equals(id)) return true;
        return false;
    }
}
