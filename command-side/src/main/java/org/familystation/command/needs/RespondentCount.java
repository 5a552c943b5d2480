package org.familystation.command.needs;

import org.familystation.platform.error.DomainException;

import static org.familystation.command.needs.NeedsRefusals.RESPONDENTS_INVALID;

/** How many people a survey asked: at least one, and not more than a large community holds. */
public record RespondentCount(int value) {

    /** A survey of more people than a large community holds is a typing mistake. */
    public static final int MAX = 100_000;

    public RespondentCount {
        if (value < 1 || value > MAX) {
            throw DomainException.refuseField(RESPONDENTS_INVALID, "respondentCount", MAX, value);
        }
    }

    /** The count as sent; a missing one is refused like a wrong one. */
    public static RespondentCount of(Integer sent) {
        if (sent == null) {
            throw DomainException.refuseField(RESPONDENTS_INVALID, "respondentCount", MAX, null);
        }
        return new RespondentCount(sent);
    }
}
