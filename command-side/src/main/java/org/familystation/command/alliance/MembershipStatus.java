package org.familystation.command.alliance;

/**
 * Where an organisation stands in its alliance membership lifecycle: applied → rejected | approved → admitted
 * → suspended ⇄ admitted → expelled | withdrawn.
 */
public enum MembershipStatus {
    APPLIED, REJECTED, APPROVED, ADMITTED, SUSPENDED, EXPELLED, WITHDRAWN
}
