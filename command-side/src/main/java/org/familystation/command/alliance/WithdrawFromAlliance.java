package org.familystation.command.alliance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.Rules;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * A member withdraws from its alliance (退出联盟), for a reason; recorded by the headquarters on its behalf.
 *
 * @param effectiveAt when it took effect (business time)
 */
public record WithdrawFromAlliance(@TargetAggregateIdentifier String memberId, MembershipChangeReason reason,
                                   Instant effectiveAt) implements ScopedCommand {

    public WithdrawFromAlliance {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(effectiveAt, "effectiveAt");
    }

    /**
     * The command from what a client sent.
     *
     * @param effectiveAt when it took effect; now when not given
     */
    public static WithdrawFromAlliance read(String memberId, String reason, Instant effectiveAt, Clock clock) {
        return new WithdrawFromAlliance(memberId, new MembershipChangeReason(reason),
                Rules.happenedAt(effectiveAt, clock, "effectiveAt"));
    }

    @Override
    public Place actsAt() {
        return Place.network();
    }
}
