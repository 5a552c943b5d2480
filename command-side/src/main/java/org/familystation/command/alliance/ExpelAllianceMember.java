package org.familystation.command.alliance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

import java.time.Instant;

/** Expel a member from its alliance (开除出盟), for a reason. */
public record ExpelAllianceMember(@TargetAggregateIdentifier String memberId, String reason, Instant effectiveAt)
        implements ScopedCommand {

    @Override
    public Place actsAt() {
        return Place.network();
    }
}
