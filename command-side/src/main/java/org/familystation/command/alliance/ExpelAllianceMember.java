package org.familystation.command.alliance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Expel a member from its alliance (开除出盟), for a reason. */
public record ExpelAllianceMember(@TargetAggregateIdentifier String memberId, String reason) {
}
