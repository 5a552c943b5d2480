package org.familystation.command.network;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Establish an organisation unit under its parent: the federation (no parent), the operations headquarters, a
 * branch centre (district or street/town), a community home (with its tier) or a city centre.
 */
public record EstablishUnit(
        @TargetAggregateIdentifier String unitId,
        String level,
        String name,
        String parentUnitId,
        String district,
        String tier) {
}
