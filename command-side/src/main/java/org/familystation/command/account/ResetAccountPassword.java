package org.familystation.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An administrator sets a new password for an account; its holder must change it at their next sign-in. */
public record ResetAccountPassword(@TargetAggregateIdentifier String accountId, String newPassword) {

    @Override
    public String toString() {
        return "ResetAccountPassword[accountId=" + accountId + "]";
    }
}
