package org.familystation.command.alliance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

import java.time.Instant;

/** Reinstate a suspended member (恢复成员资格), for a reason; it must have signed the current convention. */
public record ReinstateAllianceMember(@TargetAggregateIdentifier String memberId, String reason,
                                      Instant effectiveAt)
        implements ScopedCommand {

    @Override
    public Place actsAt() {
        return Place.network();
    }
}
