package org.familystation.command.alliance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.Rules;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The operations headquarters reviews an application (审核): {@code APPROVE} or {@code REJECT}, with notes, which a
 * rejection must give (its reason).
 *
 * @param notes      null when an approval gives none
 * @param reviewedAt when it was reviewed (business time)
 */
public record ReviewAllianceApplication(
        @TargetAggregateIdentifier String memberId,
        Decision decision,
        String notes,
        Instant reviewedAt) implements ScopedCommand {

    static final int MAX_NOTES = 1000;

    public ReviewAllianceApplication {
        Objects.requireNonNull(decision, "decision");
        notes = decision == Decision.REJECT
                ? Rules.requiredText(notes, MAX_NOTES, AllianceRefusals.REJECTION_REASON_REQUIRED, "notes")
                : Rules.optionalText(notes, MAX_NOTES, AllianceRefusals.REVIEW_NOTES_INVALID, "notes");
        Objects.requireNonNull(reviewedAt, "reviewedAt");
    }

    /**
     * The command from what a client sent.
     *
     * @param reviewedAt when it was reviewed; now when not given
     */
    public static ReviewAllianceApplication read(String memberId, String decision, String notes, Instant reviewedAt,
                                                 Clock clock) {
        return new ReviewAllianceApplication(memberId,
                Rules.oneOf(Decision.class, decision, AllianceRefusals.REVIEW_DECISION_UNKNOWN, "decision"), notes,
                Rules.happenedAt(reviewedAt, clock, "reviewedAt"));
    }

    @Override
    public Place actsAt() {
        return Place.network();
    }

    public enum Decision { APPROVE, REJECT }
}
