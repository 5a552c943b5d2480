package org.familystation.command.alliance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

import java.time.Instant;

/** An organisation applies to join a brand alliance (申请加入联盟), on {@code appliedAt} (business time; now if not given). */
public record ApplyForAllianceMembership(
        @TargetAggregateIdentifier String memberId,
        String alliance,
        String organisationName,
        String organisationType,
        String creditCode,
        String contactPerson,
        String contactPhone,
        Instant appliedAt) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return Place.network();
    }
}
