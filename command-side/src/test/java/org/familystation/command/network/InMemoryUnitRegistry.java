package org.familystation.command.network;

import org.familystation.events.common.HomeTier;
import org.familystation.events.common.UnitLevel;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A unit registry for fixture tests. */
public class InMemoryUnitRegistry implements UnitRegistry {

    private final Map<String, UnitFacts> units = new HashMap<>();

    public InMemoryUnitRegistry with(String unitId, UnitLevel level, String name, String district, HomeTier tier) {
        units.put(unitId, new UnitFacts(unitId, level, name, district, tier));
        return this;
    }

    @Override
    public Optional<UnitFacts> find(String unitId) {
        return Optional.ofNullable(units.get(unitId));
    }

    @Override
    public boolean federationExists() {
        return units.values().stream().anyMatch(unit -> unit.level() == UnitLevel.FEDERATION);
    }
}
