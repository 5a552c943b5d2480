package org.familystation.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/** Enable a disabled account again. */
public record EnableAccount(@TargetAggregateIdentifier String accountId) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return Place.network();
    }
}
