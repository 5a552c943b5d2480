package org.familystation.command.network;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.Reason;
import org.familystation.command.common.Rules;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;
import org.familystation.events.common.HomeTier;

import java.util.Objects;

/** Change a community home's tier (for example to a provincial demonstration home), for a reason. */
public record RerateCommunityHome(@TargetAggregateIdentifier String unitId, HomeTier tier, Reason reason)
        implements ScopedCommand {

    public RerateCommunityHome {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(reason, "reason");
    }

    /** The command from what a client sent. */
    public static RerateCommunityHome read(String unitId, String tier, String reason) {
        return new RerateCommunityHome(unitId,
                Rules.oneOf(HomeTier.class, tier, NetworkRefusals.HOME_TIER_UNKNOWN, "tier"), new Reason(reason));
    }

    @Override
    public Place actsAt() {
        return new Place.Unit(unitId, Place.noAggregate(unitId));
    }
}
