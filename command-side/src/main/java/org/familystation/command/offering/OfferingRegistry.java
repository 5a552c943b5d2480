package org.familystation.command.offering;

/** What the command side knows about offerings when deciding about other aggregates. */
public interface OfferingRegistry {

    /** Whether the member has an active offering of the project at the station. */
    boolean isOffered(String memberId, String stationId, String projectCode);
}
