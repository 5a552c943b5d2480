package org.familystation.events.alliance;

import org.familystation.events.common.Alliance;

/** Everything that can happen to an organisation's membership of a brand alliance (联盟成员). */
public sealed interface AllianceMemberEvent permits AllianceMembershipApplied, AllianceApplicationApproved,
        AllianceApplicationRejected, AllianceConventionSigned, AllianceMemberAdmitted {

    String memberId();

    Alliance alliance();
}
