package org.familystation.query.asof;

import org.familystation.query.asof.ServiceTallies.Delivery;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The deliveries of a snapshot's standing records, by month, as a business-time answer counts the month of its date
 * ({@link ServiceTallies}): those stored with a snapshot at or before this one ({@link #storedAt()}, read a month at
 * a time when asked for, never all at once) and the changes since, kept here until a snapshot stores them. So a node
 * holds the months its answers read and the changes of the last few snapshots, not every record of the history.
 * Counts, not lists: two records with equal deliveries count the same, so one may stand for the other. Immutable.
 */
final class Deliveries {

    /** Where the stored deliveries are read from ({@link NetworkSnapshots}). */
    interface Stored {
        /**
         * The deliveries of {@code month} ({@code yyyy-MM}) as stored by the snapshot at {@code position}, which
         * holds them: each with how many standing records deliver it (more than 0). Unmodifiable.
         *
         * @throws DeliveriesGone if that snapshot no longer holds them (a newer one does)
         */
        Map<Delivery, Integer> month(String month, long position);
    }

    /** The deliveries a snapshot held were superseded while an answer read them: ask again from the latest. */
    static final class DeliveriesGone extends RuntimeException {
        private final long position;

        DeliveriesGone(long position) {
            super("the as-of snapshot at " + position + " no longer holds its deliveries");
            this.position = position;
        }

        /** The snapshot that held them. */
        long position() {
            return position;
        }
    }

    private static final Stored NOTHING_STORED = (month, position) -> Map.of();

    /** None yet: a fold from the first event. */
    static final Deliveries NONE = new Deliveries(NOTHING_STORED, -1, null, 0);

    /**
     * The changes of one snapshot by month (+n added, -n taken away), after those of the snapshots before it: a
     * snapshot adds its own and shares the rest, so that taking one costs what it changed, not what waits.
     */
    private record Changes(Changes before, Map<String, Map<Delivery, Integer>> byMonth) {
    }

    private final Stored stored;
    private final long storedAt;
    /** The changes since {@link #storedAt}, newest first; null: none. */
    private final Changes changes;
    private final long changeCount;

    private Deliveries(Stored stored, long storedAt, Changes changes, long changeCount) {
        this.stored = stored;
        this.storedAt = storedAt;
        this.changes = changes;
        this.changeCount = changeCount;
    }

    /** The deliveries stored by the snapshot at {@code position}, with no change since. */
    static Deliveries storedAt(long position, Stored stored) {
        return new Deliveries(stored, position, null, 0);
    }

    /** The position of the snapshot whose stored deliveries these start from; -1: none (from the first event). */
    long storedAt() {
        return storedAt;
    }

    /** The changes since {@link #storedAt()} by month, added up: +n added, -n taken away; no zeros. */
    Map<String, Map<Delivery, Integer>> changes() {
        Map<String, Map<Delivery, Integer>> byMonth = new HashMap<>();
        for (Changes each = changes; each != null; each = each.before()) {
            each.byMonth().forEach((month, counts) -> {
                Map<Delivery, Integer> sum = byMonth.computeIfAbsent(month, key -> new HashMap<>());
                counts.forEach((delivery, count) -> sum.merge(delivery, count, Integer::sum));
            });
        }
        byMonth.values().forEach(counts -> counts.values().removeIf(count -> count == 0));
        byMonth.values().removeIf(Map::isEmpty);
        return byMonth;
    }

    /**
     * How many deliveries were added or taken away since {@link #storedAt()} (a record changed back and forth
     * counted each time): about what storing them would write.
     */
    long changeCount() {
        return changeCount;
    }

    /**
     * The standing records delivered in {@code month} ({@code yyyy-MM}), each with how many deliver it.
     *
     * @throws DeliveriesGone if the stored ones were superseded meanwhile
     * @throws IllegalStateException if a record was taken away that the month did not hold
     */
    Map<Delivery, Integer> in(String month) {
        Map<Delivery, Integer> atStore = storedAt < 0 ? Map.of() : stored.month(month, storedAt);
        Map<Delivery, Integer> counts = null;
        for (Changes each = changes; each != null; each = each.before()) {
            Map<Delivery, Integer> changed = each.byMonth().get(month);
            if (changed != null) {
                if (counts == null) {
                    counts = new HashMap<>(atStore);
                }
                for (Map.Entry<Delivery, Integer> change : changed.entrySet()) {
                    counts.merge(change.getKey(), change.getValue(), Integer::sum);
                }
            }
        }
        return counts == null ? atStore : standing(counts, month);
    }

    /**
     * {@code counts}, a month's deliveries added up with changes to them (+n added, -n taken away), as they stand:
     * those taken away as often as added left out. Unmodifiable; {@code counts} is changed.
     *
     * @throws IllegalStateException if one was taken away more often than added: a record the month did not hold
     */
    static Map<Delivery, Integer> standing(Map<Delivery, Integer> counts, String month) {
        counts.values().removeIf(count -> count == 0);
        if (counts.values().stream().anyMatch(count -> count < 0)) {
            throw new IllegalStateException("a record taken away was not among the deliveries of " + month);
        }
        return Collections.unmodifiableMap(counts);
    }

    /** These deliveries with {@code removed} taken away (one equal delivery each) and {@code added} added. */
    Deliveries plus(Collection<Delivery> removed, Collection<Delivery> added) {
        if (removed.isEmpty() && added.isEmpty()) {
            return this;
        }
        Map<String, Map<Delivery, Integer>> byMonth = new HashMap<>();
        removed.forEach(delivery -> byMonth.computeIfAbsent(delivery.key().month(), month -> new HashMap<>())
                .merge(delivery, -1, Integer::sum));
        added.forEach(delivery -> byMonth.computeIfAbsent(delivery.key().month(), month -> new HashMap<>())
                .merge(delivery, 1, Integer::sum));
        return new Deliveries(stored, storedAt, new Changes(changes, byMonth),
                changeCount + removed.size() + added.size());
    }
}
