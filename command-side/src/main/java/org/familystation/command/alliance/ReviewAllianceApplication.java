package org.familystation.command.alliance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The operations headquarters reviews an application (审核): {@code APPROVE} or {@code REJECT}, with notes. */
public record ReviewAllianceApplication(
        @TargetAggregateIdentifier String memberId,
        String decision,
        String notes) {

    public enum Decision { APPROVE, REJECT }
}
