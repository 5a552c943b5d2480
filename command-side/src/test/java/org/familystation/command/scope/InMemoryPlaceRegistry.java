package org.familystation.command.scope;

import org.familystation.events.common.UnitLevel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A unit tree and the places of things, in memory, for tests of the scope check. */
class InMemoryPlaceRegistry implements PlaceRegistry {

    private final Map<String, UnitLevel> levels = new HashMap<>();
    private final Map<String, String> parents = new HashMap<>();
    private final Map<Object, Location> things = new HashMap<>();

    InMemoryPlaceRegistry unit(String unitId, UnitLevel level, String parentId) {
        levels.put(unitId, level);
        parents.put(unitId, parentId);
        return thing(Place.Unit.class, unitId, unitId, null);
    }

    /** The thing of that kind and id belongs to the unit (null: the whole network). */
    InMemoryPlaceRegistry thing(Class<? extends Place.Thing> kind, String id, String unitId, String centre) {
        things.put(kind.getSimpleName() + ":" + id, new Location(unitId, centre));
        return this;
    }

    @Override
    public Optional<Location> locate(Place.Thing place) {
        return Optional.ofNullable(things.get(key(place)));
    }

    private static String key(Place.Thing place) {
        String id = place instanceof Place.Unit unit ? unit.unitId()
                : place instanceof Place.Station station ? station.stationId()
                : place instanceof Place.ServiceRecord record ? record.serviceRecordId()
                : place instanceof Place.NeedsSurvey survey ? survey.surveyId()
                : place instanceof Place.Referral referral ? referral.referralId()
                : place instanceof Place.Allocation allocation ? allocation.fundId() + "/" + allocation.allocationId()
                : ((Place.SocialWorker) place).socialWorkerId();
        return place.getClass().getSimpleName() + ":" + id;
    }

    @Override
    public Optional<UnitLevel> level(String unitId) {
        return Optional.ofNullable(levels.get(unitId));
    }

    @Override
    public List<String> unitAndAncestors(String unitId) {
        List<String> path = new ArrayList<>();
        for (String unit = unitId; unit != null && levels.containsKey(unit); unit = parents.get(unit)) {
            path.add(unit);
        }
        return path;
    }
}
