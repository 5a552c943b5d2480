package org.familystation.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/** The holder of an account changes their password, giving the current one. */
public record ChangeOwnPassword(@TargetAggregateIdentifier String accountId, String currentPassword,
                                String newPassword) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return Place.ownAccount();
    }

    @Override
    public String toString() {
        return "ChangeOwnPassword[accountId=" + accountId + "]";
    }
}
