package org.familystation.events.network;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.HomeTier;

import java.time.Instant;

/** A community home's tier changed (for example it became a provincial demonstration home), for the reason given. */
@Revision("1")
public record CommunityHomeRerated(
        String unitId,
        HomeTier previousTier,
        HomeTier tier,
        String reason,
        Instant ratedAt) implements OrganisationUnitEvent {
}
