package org.familystation.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

import java.util.List;

/**
 * Create an account (账号) for someone who acts for a unit, with their roles (and, for centre staff, their
 * centre) and an initial password the administrator gives them, which they must change at first sign-in.
 */
public record CreateAccount(
        @TargetAggregateIdentifier String accountId,
        String username,
        String displayName,
        String unitId,
        List<String> roles,
        String centre,
        String initialPassword) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return Place.network();
    }

    /** Never the password: commands end up in logs. */
    @Override
    public String toString() {
        return "CreateAccount[accountId=%s, username=%s, unitId=%s, roles=%s, centre=%s]"
                .formatted(accountId, username, unitId, roles, centre);
    }
}
