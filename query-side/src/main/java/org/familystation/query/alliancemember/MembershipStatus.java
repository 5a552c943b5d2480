package org.familystation.query.alliancemember;

/** Where a member stands, as {@code rm_alliance_member.status} holds it; a filter value outside these is a 400. */
public enum MembershipStatus {
    APPLIED, REJECTED, APPROVED, ADMITTED, SUSPENDED, EXPELLED, WITHDRAWN
}
