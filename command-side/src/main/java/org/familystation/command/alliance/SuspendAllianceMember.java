package org.familystation.command.alliance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

import java.time.Instant;

/** Suspend an admitted member (暂停成员资格), for a reason. */
public record SuspendAllianceMember(@TargetAggregateIdentifier String memberId, String reason, Instant effectiveAt)
        implements ScopedCommand {

    @Override
    public Place actsAt() {
        return Place.network();
    }
}
