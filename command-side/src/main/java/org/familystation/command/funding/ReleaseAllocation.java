package org.familystation.command.funding;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.Reason;
import org.familystation.command.common.Rules;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Close an allocation and return what it has not spent to the fund (结余退回), for a reason.
 *
 * @param releasedAt when it was released (business time)
 */
public record ReleaseAllocation(
        @TargetAggregateIdentifier String fundId,
        String allocationId,
        Reason reason,
        Instant releasedAt) implements ScopedCommand {

    public ReleaseAllocation {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(releasedAt, "releasedAt");
    }

    /**
     * The command from what a client sent.
     *
     * @param releasedAt when it was released; now when not given
     */
    public static ReleaseAllocation read(String fundId, String allocationId, String reason, Instant releasedAt,
                                         Clock clock) {
        return new ReleaseAllocation(fundId, allocationId, new Reason(reason),
                Rules.happenedAt(releasedAt, clock, "releasedAt"));
    }

    @Override
    public Place actsAt() {
        return new Place.Allocation(fundId, allocationId,
                Place.refusedField(FundingRefusals.ALLOCATION_UNKNOWN, "allocationId", allocationId));
    }
}
