package org.familystation.command.network;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/** Change a community home's tier (for example to a provincial demonstration home), for a reason. */
public record RerateCommunityHome(@TargetAggregateIdentifier String unitId, String tier, String reason)
        implements ScopedCommand {

    @Override
    public Place actsAt() {
        return new Place.Unit(unitId, Place.noAggregate(unitId));
    }
}
