package org.familystation.command.people;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a federation staff member (妇女工作者) with the unit they work at. */
public record RegisterFederationStaff(
        @TargetAggregateIdentifier String staffId,
        String name,
        String phone,
        String unitId) {
}
