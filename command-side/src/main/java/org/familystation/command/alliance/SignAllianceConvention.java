package org.familystation.command.alliance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An approved organisation signs a version of the alliance convention (签署联盟公约). */
public record SignAllianceConvention(
        @TargetAggregateIdentifier String memberId,
        String conventionVersion,
        String signatory) {
}
