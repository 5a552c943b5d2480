package org.familystation.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/** An administrator sets a new password for an account; its holder must change it at their next sign-in. */
public record ResetAccountPassword(@TargetAggregateIdentifier String accountId, String newPassword) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return Place.network();
    }

    @Override
    public String toString() {
        return "ResetAccountPassword[accountId=" + accountId + "]";
    }
}
