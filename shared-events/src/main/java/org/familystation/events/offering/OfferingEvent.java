package org.familystation.events.offering;

/**
 * Everything that can happen to an offering (服务供给): an admitted alliance member offering one service project at
 * one station.
 */
public sealed interface OfferingEvent permits ServiceOffered, OfferingWithdrawn {

    String offeringId();

    String memberId();

    String stationId();
}
