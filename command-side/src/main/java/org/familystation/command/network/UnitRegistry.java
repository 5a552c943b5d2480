package org.familystation.command.network;

import org.familystation.events.common.HomeTier;
import org.familystation.events.common.UnitLevel;

import java.util.Optional;

/** What the command side knows about organisation units when deciding about other aggregates. */
public interface UnitRegistry {

    Optional<UnitFacts> find(String unitId);

    boolean federationExists();

    record UnitFacts(String unitId, UnitLevel level, String name, String district, HomeTier tier) {
    }
}
