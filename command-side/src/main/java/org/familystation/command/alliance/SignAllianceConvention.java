package org.familystation.command.alliance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

import java.time.Instant;

/** An approved organisation signs a version of the alliance convention (签署联盟公约). */
public record SignAllianceConvention(
        @TargetAggregateIdentifier String memberId,
        String conventionVersion,
        String signatory,
        Instant signedAt) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return Place.network();
    }
}
