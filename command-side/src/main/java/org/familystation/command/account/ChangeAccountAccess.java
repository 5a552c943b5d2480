package org.familystation.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

import java.util.List;
import java.util.Objects;

/** Change what an account may do: the unit it acts for, its roles and (for centre staff) its centre. */
public record ChangeAccountAccess(
        @TargetAggregateIdentifier String accountId,
        AccessGrant access) implements ScopedCommand {

    public ChangeAccountAccess {
        Objects.requireNonNull(access, "access");
    }

    /** The command from what a client sent. */
    public static ChangeAccountAccess read(String accountId, String unitId, List<String> roles, String centre) {
        return new ChangeAccountAccess(accountId, AccessGrant.read(unitId, roles, centre));
    }

    @Override
    public Place actsAt() {
        return Place.network();
    }
}
