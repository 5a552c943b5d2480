package org.familystation.command.alliance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Admit an approved organisation that signed the current convention (准予入盟). */
public record AdmitAllianceMember(@TargetAggregateIdentifier String memberId) {
}
