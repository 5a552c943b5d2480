package org.familystation.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

import java.util.List;

/** Change what an account may do: the unit it acts for, its roles and (for centre staff) its centre. */
public record ChangeAccountAccess(
        @TargetAggregateIdentifier String accountId,
        String unitId,
        List<String> roles,
        String centre) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return Place.network();
    }
}
