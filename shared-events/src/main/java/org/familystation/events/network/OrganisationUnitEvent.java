package org.familystation.events.network;

/** Everything that can happen to an organisation unit of the network. */
public sealed interface OrganisationUnitEvent permits UnitEstablished, CommunityHomeRerated {

    String unitId();
}
