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
    static final Deliveries NONE = new Deliveries(NOTHING_STORED, -1, Map.of(), 0);

    private final Stored stored;
    private final long storedAt;
    /** The changes since {@link #storedAt} by month: +n added, -n taken away; no zeros. */
    private final Map<String, Map<Delivery, Integer>> changes;
    private final long changeCount;

    private Deliveries(Stored stored, long storedAt, Map<String, Map<Delivery, Integer>> changes, long changeCount) {
        this.stored = stored;
        this.storedAt = storedAt;
        this.changes = changes;
        this.changeCount = changeCount;
    }

    /** The deliveries stored by the snapshot at {@code position}, with no change since. */
    static Deliveries storedAt(long position, Stored stored) {
        return new Deliveries(stored, position, Map.of(), 0);
    }

    /** The position of the snapshot whose stored deliveries these start from; -1: none (from the first event). */
    long storedAt() {
        return storedAt;
    }

    /** The changes since {@link #storedAt()} by month: +n added, -n taken away. Unmodifiable. */
    Map<String, Map<Delivery, Integer>> changes() {
        return changes;
    }

    /** How many deliveries were added or taken away since {@link #storedAt()}: what storing them would write. */
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
        Map<Delivery, Integer> changed = changes.get(month);
        if (changed == null) {
            return atStore;
        }
        Map<Delivery, Integer> counts = new HashMap<>(atStore);
        changed.forEach((delivery, count) -> counts.merge(delivery, count, Integer::sum));
        counts.values().removeIf(count -> count == 0);
        if (counts.values().stream().anyMatch(count -> count < 0)) {
            throw new IllegalStateException("a record taken away was not among the snapshot's deliveries of " + month);
        }
        return Collections.unmodifiableMap(counts);
    }

    /** These deliveries with {@code removed} taken away (one equal delivery each) and {@code added} added. */
    Deliveries plus(Collection<Delivery> removed, Collection<Delivery> added) {
        if (removed.isEmpty() && added.isEmpty()) {
            return this;
        }
        // Only the months touched are copied; the others are shared with these deliveries.
        Map<String, Map<Delivery, Integer>> byMonth = new HashMap<>(changes);
        Map<String, Map<Delivery, Integer>> touched = new HashMap<>();
        long[] count = {changeCount};
        for (int sign : new int[]{-1, 1}) {
            for (Delivery delivery : sign < 0 ? removed : added) {
                Map<Delivery, Integer> month = touched.computeIfAbsent(delivery.key().month(),
                        key -> new HashMap<>(byMonth.getOrDefault(key, Map.of())));
                Integer before = month.get(delivery);
                int after = (before == null ? 0 : before) + sign;
                count[0] += Math.abs(after) - (before == null ? 0 : Math.abs(before));
                if (after == 0) {
                    month.remove(delivery);
                } else {
                    month.put(delivery, after);
                }
            }
        }
        touched.forEach((month, counts) -> {
            if (counts.isEmpty()) {
                byMonth.remove(month);
            } else {
                byMonth.put(month, Collections.unmodifiableMap(counts));
            }
        });
        return new Deliveries(stored, storedAt, Collections.unmodifiableMap(byMonth), count[0]);
    }
}
