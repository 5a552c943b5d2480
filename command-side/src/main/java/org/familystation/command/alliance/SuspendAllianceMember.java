package org.familystation.command.alliance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Suspend an admitted member (暂停成员资格), for a reason. */
public record SuspendAllianceMember(@TargetAggregateIdentifier String memberId, String reason) {
}
