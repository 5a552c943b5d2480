package org.familystation.command.alliance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An organisation applies to join a brand alliance (申请加入联盟). */
public record ApplyForAllianceMembership(
        @TargetAggregateIdentifier String memberId,
        String alliance,
        String organisationName,
        String organisationType,
        String creditCode,
        String contactPerson,
        String contactPhone) {
}
