package org.familystation.query.asof;

import org.familystation.events.common.StationPoint;
import org.familystation.query.servicerecord.ServiceFigures;
import org.familystation.query.servicerecord.ServiceRecordFold;
import org.familystation.query.servicerecord.ServiceRecordState;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a snapshot's service records count for, pre-summed ({@link ServiceFigures#of}) by station, district, station
 * point, project and delivery month: an answer from the snapshot adds up these tallies (some thousands) instead of
 * counting every record. The records themselves are not kept: a record corrected or voided after the snapshot is read
 * again from the store up to the snapshot's position ({@link NetworkFold#resolve}), so that what the tallies hold
 * does not grow with the history.
 *
 * <p>An answer in business time also counts the month of its date record by record, since a delivery that month may
 * fall either side of it: for that, a snapshot may also hold its standing records' {@link Delivery deliveries}
 * ({@link Deliveries}: where each counts, when it was delivered, what it counts for; no ids), read a month at a time.
 * Only the latest snapshots need them (business time always starts from the latest); the others hold tallies only
 * ({@link #holdsDeliveries()}). Immutable.
 */
final class ServiceTallies {

    /** Nothing yet: a fold from the first event, which keeps the deliveries. */
    static final ServiceTallies NONE = new ServiceTallies(Map.of(), Deliveries.NONE);

    /** What a tally is kept under: every way an answer breaks the services down, and the delivery month. */
    record Key(String stationId, String district, StationPoint stationPoint, String projectCode, String projectName,
               String month) {

        /** The key a standing record counts under. */
        static Key of(ServiceRecordState record, ZoneId zone) {
            return new Key(record.stationId(), record.district(), record.details().stationPoint(),
                    record.details().projectCode(), record.details().projectName(),
                    ServiceFigures.month(record.details(), zone));
        }
    }

    /**
     * A standing record as the month of an answer's date counts it. Two records with equal deliveries count the same,
     * so one may stand for the other when a record is taken away.
     */
    record Delivery(Key key, Instant deliveredAt, ServiceFigures figures) {

        /** The delivery of a record; null if it does not stand. */
        static Delivery of(ServiceRecordState record, ZoneId zone) {
            return ServiceRecordFold.stands(record)
                    ? new Delivery(Key.of(record, zone), record.details().deliveredAt(), ServiceFigures.of(record))
                    : null;
        }
    }

    private final Map<Key, ServiceFigures> figures;
    /** The deliveries of the standing records; null if not held. */
    private final Deliveries deliveries;

    ServiceTallies(Map<Key, ServiceFigures> figures, Deliveries deliveries) {
        this.figures = Collections.unmodifiableMap(figures);
        this.deliveries = deliveries;
    }

    /** The tallies of the standing records. */
    Map<Key, ServiceFigures> figures() {
        return figures;
    }

    boolean holdsDeliveries() {
        return deliveries != null;
    }

    /** The deliveries; null if not held. */
    Deliveries deliveries() {
        return deliveries;
    }

    /** These tallies with {@code deliveries} instead of theirs (null: without). */
    ServiceTallies withDeliveries(Deliveries deliveries) {
        return new ServiceTallies(figures, deliveries);
    }

    /**
     * The standing records delivered in {@code month} ({@code yyyy-MM}), each with how many deliver it; only if
     * {@link #holdsDeliveries()}.
     */
    Map<Delivery, Integer> deliveredIn(String month) {
        if (deliveries == null) {
            throw new IllegalStateException("these tallies hold no deliveries");
        }
        return deliveries.in(month);
    }

    /** How many services stand. */
    long services() {
        return figures.values().stream().mapToLong(ServiceFigures::services).sum();
    }

    /**
     * These tallies with {@code change} added, and, if deliveries are held, {@code removed} taken away (one equal
     * delivery each) and {@code added} added.
     */
    ServiceTallies advancedBy(Map<Key, ServiceFigures> change, Collection<Delivery> removed,
                              Collection<Delivery> added) {
        Map<Key, ServiceFigures> sums = new HashMap<>(figures);
        change.forEach((key, figure) -> sums.merge(key, figure, (a, b) -> a.plus(b, 1)));
        sums.values().removeIf(ServiceFigures.NONE::equals);
        if (deliveries == null) {
            return new ServiceTallies(sums, null);
        }
        // The keys and figures the deliveries share: many deliveries must not hold as many copies of each.
        Map<Key, Key> keys = new HashMap<>();
        sums.keySet().forEach(key -> keys.put(key, key));
        Map<ServiceFigures, ServiceFigures> shared = new HashMap<>();
        List<Delivery> addedShared = new ArrayList<>(added.size());
        added.forEach(delivery -> addedShared.add(new Delivery(keys.getOrDefault(delivery.key(), delivery.key()),
                delivery.deliveredAt(), shared.computeIfAbsent(delivery.figures(), figure -> figure))));
        return new ServiceTallies(sums, deliveries.plus(removed, addedShared));
    }
}
