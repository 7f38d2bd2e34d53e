package org.balintcompanion.room;

import java.util.Objects;

/**
 * Rules a leader may switch during the meeting. {@code questionsPaused}: the leader protects the presenter by
 * pausing questions to them; members see it.
 */
public record LiveRules(SpeakingRule speakingRule, QueuePolicy queuePolicy, MutePolicy mutePolicy,
                        boolean questionsPaused) {
    public LiveRules {
        Objects.requireNonNull(speakingRule, "speakingRule");
        Objects.requireNonNull(queuePolicy, "queuePolicy");
        Objects.requireNonNull(mutePolicy, "mutePolicy");
    }

    public static LiveRules defaults() {
        return new LiveRules(SpeakingRule.RAISE_HAND, QueuePolicy.SPOKEN_LEAST_FIRST, MutePolicy.FLOOR_AND_LEADERS, false);
    }

    public LiveRules with(SpeakingRule r) { return r == speakingRule ? this : new LiveRules(r, queuePolicy, mutePolicy, questionsPaused); }

    public LiveRules with(QueuePolicy p) { return p == queuePolicy ? this : new LiveRules(speakingRule, p, mutePolicy, questionsPaused); }

    public LiveRules with(MutePolicy p) { return p == mutePolicy ? this : new LiveRules(speakingRule, queuePolicy, p, questionsPaused); }

    public LiveRules withQuestionsPaused(boolean paused) {
        return paused == questionsPaused ? this : new LiveRules(speakingRule, queuePolicy, mutePolicy, paused);
    }
}
