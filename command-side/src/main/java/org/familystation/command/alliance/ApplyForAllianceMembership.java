package org.familystation.command.alliance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/** An organisation applies to join a brand alliance (申请加入联盟). */
public record ApplyForAllianceMembership(
        @TargetAggregateIdentifier String memberId,
        String alliance,
        String organisationName,
        String organisationType,
        String creditCode,
        String contactPerson,
        String contactPhone) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return Place.network();
    }
}
