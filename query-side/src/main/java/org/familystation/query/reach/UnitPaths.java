package org.familystation.query.reach;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.familystation.events.network.UnitEstablished;
import org.familystation.events.station.StationOpened;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The path of units a station or unit belongs to: its community home (or the unit itself) and every unit above it,
 * up to the federation; what search documents carry ({@code unitPath}) so that a search filters on the caller's unit.
 *
 * <p>Read from the event store (a station's {@link StationOpened}, each unit's {@link UnitEstablished}), not from
 * the read models: a search projection may run ahead of the station and network projections, while the events
 * that created a station and its units were stored before any service recorded there. Units never move, so each
 * path is kept for good.
 */
@Component
public class UnitPaths {

    private final EventStore eventStore;
    private final Map<String, List<String>> paths = new ConcurrentHashMap<>();
    private final Map<String, List<String>> stationPaths = new ConcurrentHashMap<>();

    public UnitPaths(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * The station's home and the units above it; empty for an unknown station. Kept for good once found, like a
     * unit's: only {@link StationOpened} names a station's home. Reading the station's stream for every indexed
     * record was a tenth of the application's samples in the benchmark's profile of the search projection.
     */
    public List<String> ofStation(String stationId) {
        List<String> kept = stationPaths.get(stationId);
        if (kept != null) {
            return kept;
        }
        List<String> path = first(stationId, StationOpened.class).map(opened -> ofUnit(opened.communityHomeId()))
                .orElse(List.of());
        if (!path.isEmpty()) {
            stationPaths.put(stationId, path);
        }
        return path;
    }

    /** The unit and the units above it, nearest first; empty for an unknown unit. */
    public List<String> ofUnit(String unitId) {
        List<String> kept = paths.get(unitId);
        if (kept != null) {
            return kept;
        }
        List<String> path = new ArrayList<>();
        String next = unitId;
        while (next != null && !path.contains(next)) {
            Optional<UnitEstablished> unit = first(next, UnitEstablished.class);
            if (unit.isEmpty()) {
                return List.of();
            }
            path.add(next);
            next = unit.get().parentUnitId();
        }
        List<String> found = List.copyOf(path);
        paths.put(unitId, found);
        return found;
    }

    /** The first event of the aggregate, when it is of that type (read past any snapshot). */
    private <T> Optional<T> first(String aggregateId, Class<T> type) {
        var events = eventStore.readEvents(aggregateId, 0);
        if (!events.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = events.next();
        return type.isInstance(first.getPayload()) ? Optional.of(type.cast(first.getPayload())) : Optional.empty();
    }
}
