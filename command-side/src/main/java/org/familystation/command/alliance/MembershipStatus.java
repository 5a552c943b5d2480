package org.familystation.command.alliance;

/** Where an organisation stands in its alliance membership lifecycle. */
public enum MembershipStatus {
    APPLIED, REJECTED, APPROVED, ADMITTED
}
