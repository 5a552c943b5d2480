package org.familystation.command.alliance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reinstate a suspended member (恢复成员资格), for a reason; it must have signed the current convention. */
public record ReinstateAllianceMember(@TargetAggregateIdentifier String memberId, String reason) {
}
