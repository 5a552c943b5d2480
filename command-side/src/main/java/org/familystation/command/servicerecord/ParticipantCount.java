package org.familystation.command.servicerecord;

import org.familystation.platform.error.DomainException;

import static org.familystation.command.servicerecord.ServiceRecordRefusals.PARTICIPANTS_INVALID;

/** How many people one service served: at least one, and not more than a large community event serves at once. */
public record ParticipantCount(int value) {

    /** More people than a large community event serves at once is a typing mistake, not a service. */
    public static final int MAX = 10_000;

    public ParticipantCount {
        if (value < 1 || value > MAX) {
            throw DomainException.refuseField(PARTICIPANTS_INVALID, "participantCount", MAX, value);
        }
    }

    /** The count as sent; a missing one is refused like a wrong one. */
    public static ParticipantCount of(Integer sent) {
        if (sent == null) {
            throw DomainException.refuseField(PARTICIPANTS_INVALID, "participantCount", MAX, null);
        }
        return new ParticipantCount(sent);
    }
}
