package org.familystation.command.alliance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/**
 * The grace period for signing a convention version is over: suspend the member if it is admitted and has not
 * signed that version while it is still the current one; otherwise nothing happens. Sent by
 * {@link ConventionSignatureSaga}, never from outside.
 */
public record EnforceConventionSignature(@TargetAggregateIdentifier String memberId, String conventionVersion)
        implements ScopedCommand {

    @Override
    public Place actsAt() {
        return Place.network();
    }
}
