package org.familystation.command.alliance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

import java.time.Instant;

/** Admit an approved organisation that signed the current convention (准予入盟). */
public record AdmitAllianceMember(@TargetAggregateIdentifier String memberId, Instant admittedAt)
        implements ScopedCommand {

    @Override
    public Place actsAt() {
        return Place.network();
    }
}
