package org.familystation.command.network;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change a community home's tier (for example to a provincial demonstration home), for a reason. */
public record RerateCommunityHome(@TargetAggregateIdentifier String unitId, String tier, String reason) {
}
