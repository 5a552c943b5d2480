package org.familystation.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.Rules;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/**
 * Disable an account, for a reason: it can no longer sign in, and its sessions end.
 *
 * @param reason not blank, at most {@value #MAX_REASON} characters (not {@link org.familystation.command.common.Reason}'s
 *               limit, which is longer), trimmed
 */
public record DisableAccount(@TargetAggregateIdentifier String accountId, String reason) implements ScopedCommand {

    static final int MAX_REASON = 500;

    public DisableAccount {
        reason = Rules.requiredText(reason, MAX_REASON, AccountRefusals.REASON_REQUIRED, "reason");
    }

    @Override
    public Place actsAt() {
        return Place.network();
    }
}
