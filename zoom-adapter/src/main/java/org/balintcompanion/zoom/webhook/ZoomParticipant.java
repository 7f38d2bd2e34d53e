package org.balintcompanion.zoom.webhook;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a participant event is about, as Zoom identifies them. To recognise a member, use the registrant id, else the
 * e-mail (present only for people signed in to Zoom), else the display name.
 *
 * @param userId            valid for this meeting only
 * @param userName          display name, may be empty
 * @param participantUuid   this person in this meeting instance, across breakout rooms; may be empty
 * @param participantUserId their Zoom account user id, absent for guests
 * @param at                when Zoom says it happened ({@code join_time}, {@code date_time} or {@code leave_time})
 */
public record ZoomParticipant(String userId, String userName, String participantUuid, Optional<String> registrantId,
                              Optional<String> email, Optional<String> participantUserId, Optional<Instant> at) {

    public ZoomParticipant {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(participantUuid, "participantUuid");
        Objects.requireNonNull(registrantId, "registrantId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(participantUserId, "participantUserId");
        Objects.requireNonNull(at, "at");
    }

    /** The most specific identity Zoom gave, for telling this person's events apart from others'. */
    public String identity() {
        if (!participantUuid.isBlank()) {
            return "uuid:" + participantUuid;
        }
        if (registrantId.isPresent()) {
            return "registrant:" + registrantId.get();
        }
        if (!userId.isBlank()) {
            return "user:" + userId;
        }
        return email.map(e -> "email:" + e).orElse("name:" + userName);
    }

    @Override
    public String toString() {
        // Names and e-mails of clinicians stay out of logs.
        return "ZoomParticipant[" + identity().replaceFirst("^(email|name):.*", "$1:<redacted>") + "]";
    }
}
