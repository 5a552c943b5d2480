package org.familystation.events.people;

/** Everything that can happen to the record of a federation staff member (妇女工作者). */
public sealed interface FederationStaffEvent permits FederationStaffRegistered {

    String staffId();
}
