package org.familystation.command.alliance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

import java.time.Instant;

/** The operations headquarters reviews an application (审核): {@code APPROVE} or {@code REJECT}, with notes. */
public record ReviewAllianceApplication(
        @TargetAggregateIdentifier String memberId,
        String decision,
        String notes,
        Instant reviewedAt) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return Place.network();
    }

    public enum Decision { APPROVE, REJECT }
}
