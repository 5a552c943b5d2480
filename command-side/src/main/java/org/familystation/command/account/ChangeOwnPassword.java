package org.familystation.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The holder of an account changes their password, giving the current one. */
public record ChangeOwnPassword(@TargetAggregateIdentifier String accountId, String currentPassword,
                                String newPassword) {

    @Override
    public String toString() {
        return "ChangeOwnPassword[accountId=" + accountId + "]";
    }
}
