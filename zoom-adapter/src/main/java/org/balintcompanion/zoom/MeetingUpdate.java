package org.balintcompanion.zoom;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * What to change on a meeting. Only present parts are sent, and a settings change sends only the settings that
 * differ, so a PATCH never resets something an admin set by hand in Zoom. An empty update sends nothing.
 *
 * @param agenda an empty string clears the agenda
 */
public record MeetingUpdate(Optional<String> topic, Optional<ZonedDateTime> start, Optional<Duration> duration,
                            Optional<ZoneId> zone, Optional<String> agenda, Optional<PresetChange> preset) {

    public static final MeetingUpdate NONE = new MeetingUpdate(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public MeetingUpdate {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(agenda, "agenda");
        Objects.requireNonNull(preset, "preset");
    }

    /** The parts of {@code after} that differ from {@code before}. */
    public static MeetingUpdate between(MeetingPlan before, MeetingPlan after) {
        return new MeetingUpdate(
                changed(before.topic(), after.topic()),
                before.start().toInstant().equals(after.start().toInstant()) ? Optional.empty()
                        : Optional.of(after.start()),
                changed(before.duration(), after.duration()),
                changed(before.zone(), after.zone()),
                Objects.equals(before.agenda(), after.agenda()) ? Optional.empty()
                        : Optional.of(after.agenda() == null ? "" : after.agenda()),
                Optional.empty());
    }

    /**
     * The meeting settings of {@code after} that differ from {@code before}. Host settings (chat, screen sharing)
     * are not meeting settings and are never sent; data-centre regions can only be chosen at creation.
     */
    public static MeetingUpdate between(SecurityPreset before, SecurityPreset after) {
        return NONE.with(new PresetChange(Optional.of(before), after));
    }

    /**
     * Every meeting setting of the preset, for example to repair drift. The passcode is left as it is: reapplying
     * never rotates it.
     */
    public static MeetingUpdate reapplying(SecurityPreset preset) {
        return NONE.with(new PresetChange(Optional.empty(), preset));
    }

    public MeetingUpdate withTopic(String value) {
        return new MeetingUpdate(Optional.of(value), start, duration, zone, agenda, preset);
    }

    public MeetingUpdate withStart(ZonedDateTime value) {
        return new MeetingUpdate(topic, Optional.of(value), duration, zone, agenda, preset);
    }

    public MeetingUpdate withDuration(Duration value) {
        return new MeetingUpdate(topic, start, Optional.of(value), zone, agenda, preset);
    }

    public MeetingUpdate withZone(ZoneId value) {
        return new MeetingUpdate(topic, start, duration, Optional.of(value), agenda, preset);
    }

    public MeetingUpdate withAgenda(String value) {
        return new MeetingUpdate(topic, start, duration, zone, Optional.of(value), preset);
    }

    /** This update plus {@code other}; where both set a part, {@code other} wins. */
    public MeetingUpdate and(MeetingUpdate other) {
        return new MeetingUpdate(other.topic.or(() -> topic), other.start.or(() -> start),
                other.duration.or(() -> duration), other.zone.or(() -> zone), other.agenda.or(() -> agenda),
                other.preset.or(() -> preset));
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    private MeetingUpdate with(PresetChange change) {
        boolean nothing = change.before().map(change.after()::equals).orElse(false);
        return nothing ? this : new MeetingUpdate(topic, start, duration, zone, agenda, Optional.of(change));
    }

    private static <T> Optional<T> changed(T before, T after) {
        return Objects.equals(before, after) ? Optional.empty() : Optional.of(after);
    }

    /**
     * A change of preset.
     *
     * @param before the preset the meeting was made with; empty sends every meeting setting of {@code after}
     */
    public record PresetChange(Optional<SecurityPreset> before, SecurityPreset after) {
        public PresetChange {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }
    }
}
