package org.familystation.command.alliance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

import java.time.Instant;

/** A member withdraws from its alliance (退出联盟), for a reason; recorded by the headquarters on its behalf. */
public record WithdrawFromAlliance(@TargetAggregateIdentifier String memberId, String reason, Instant effectiveAt)
        implements ScopedCommand {

    @Override
    public Place actsAt() {
        return Place.network();
    }
}
