package org.familystation.command.alliance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/** Admit an approved organisation that signed the current convention (准予入盟). */
public record AdmitAllianceMember(@TargetAggregateIdentifier String memberId) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return Place.network();
    }
}
