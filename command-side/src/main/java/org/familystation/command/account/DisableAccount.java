package org.familystation.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/** Disable an account, for a reason: it can no longer sign in, and its sessions end. */
public record DisableAccount(@TargetAggregateIdentifier String accountId, String reason) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return Place.network();
    }
}
