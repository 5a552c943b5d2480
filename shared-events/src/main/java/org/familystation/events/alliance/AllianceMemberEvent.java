package org.familystation.events.alliance;

import org.familystation.events.common.Alliance;

/** Everything that can happen to an organisation's membership of a brand alliance (联盟成员). */
public sealed interface AllianceMemberEvent permits AllianceMembershipApplied, AllianceApplicationApproved,
        AllianceApplicationRejected, AllianceConventionSigned, AllianceMemberAdmitted, AllianceMemberSuspended,
        AllianceMemberReinstated, AllianceMemberExpelled, AllianceMemberWithdrew {

    String memberId();

    Alliance alliance();
}
