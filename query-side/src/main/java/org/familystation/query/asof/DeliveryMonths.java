package org.familystation.query.asof;

import org.familystation.query.asof.ServiceTallies.Delivery;
import org.familystation.query.asof.ServiceTallies.Key;
import org.familystation.query.servicerecord.ServiceFigures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.DataInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The snapshots' deliveries ({@link Deliveries}) in {@code as_of_delivery}, a row per month and snapshot that changed
 * it: either the month's deliveries then ({@code whole}) or the changes since the row before. A month as of a snapshot
 * is its last whole row at or before it and the changes after that, up to it. A snapshot that stores its deliveries
 * writes only the months its events changed, so a snapshot costs what changed since the one before, not the history;
 * a month's changes are folded into a whole row once they outweigh it (or once there are 32 rows of them). A snapshot
 * folds at most {@value #MAX_FOLDS} months, those furthest over, and the others wait for the next ones unless their
 * changes have grown to twice the limit: months changed alike (deliveries dated all over the history, as a bulk load
 * has) are not all folded by the same snapshot. A month reads at most about three times its size.
 *
 * <p>The rows at or before a snapshot are its own only if every snapshot that stored deliveries started from the one
 * that stored them before it: a chain. {@link #store} keeps it one (under a lock, a snapshot whose start is no longer
 * the latest to hold deliveries stores none), and {@code as_of_snapshot.holds_deliveries} marks the two latest
 * snapshots of the chain. The rows only those before them need are deleted with their mark, in one transaction, and a
 * month is read with the mark in one statement: a read that finds the mark gone ({@link Deliveries.DeliveriesGone})
 * asks again from the latest.
 */
@Component
class DeliveryMonths implements Deliveries.Stored {

    /** A month's changes are folded into a whole row after this many rows of changes, whatever their size. */
    static final int MAX_CHANGE_ROWS = 32;
    /** Months a snapshot folds at most, of those whose changes are over the limit but not yet twice over it. */
    static final int MAX_FOLDS = 4;

    private final JdbcTemplate jdbc;
    private final String version = NetworkFold.VERSION;
    /** The months last read, by the last row read of each: answers as of recent dates read the same few months. */
    private final Map<MonthAt, Map<Delivery, Integer>> read = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<MonthAt, Map<Delivery, Integer>> eldest) {
            return size() > 3;
        }
    };

    private record MonthAt(String month, long lastRow) {
    }

    DeliveryMonths(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Delivery, Integer> month(String month, long position) {
        // Whether the snapshot still holds its deliveries, and the last row of the month it reads.
        Long[] found = jdbc.query("""
                SELECT (SELECT global_index FROM as_of_snapshot
                        WHERE fold_version = ? AND global_index = ? AND holds_deliveries),
                       (SELECT max(global_index) FROM as_of_delivery
                        WHERE fold_version = ? AND month = ? AND global_index <= ?)""",
                (row, index) -> new Long[]{(Long) row.getObject(1), (Long) row.getObject(2)},
                version, position, version, month, position).get(0);
        if (found[0] == null) {
            throw new Deliveries.DeliveriesGone(position);
        }
        if (found[1] == null) {
            return Map.of();
        }
        MonthAt key = new MonthAt(month, found[1]);
        synchronized (read) {
            Map<Delivery, Integer> kept = read.get(key);
            if (kept != null) {
                return kept;
            }
        }
        Map<Delivery, Integer> counts = readRows(month, position, found[1]);
        synchronized (read) {
            read.put(key, counts);
        }
        return counts;
    }

    /** The month from its last whole row up to {@code lastRow}, read with the snapshot's mark in one statement. */
    private Map<Delivery, Integer> readRows(String month, long position, long lastRow) {
        List<byte[]> rows = new ArrayList<>();
        boolean[] held = {false};
        jdbc.query("""
                WITH held AS (SELECT 1 FROM as_of_snapshot
                              WHERE fold_version = ? AND global_index = ? AND holds_deliveries)
                SELECT d.deliveries FROM held LEFT JOIN as_of_delivery d
                    ON d.fold_version = ? AND d.month = ? AND d.global_index <= ?
                   AND d.global_index >= coalesce((SELECT max(global_index) FROM as_of_delivery
                        WHERE fold_version = ? AND month = ? AND whole AND global_index <= ?), -1)
                ORDER BY d.global_index""",
                row -> {
                    held[0] = true;
                    byte[] bytes = row.getBytes(1);
                    if (bytes != null) {
                        rows.add(bytes);
                    }
                }, version, position, version, month, lastRow, version, month, lastRow);
        if (!held[0]) {
            throw new Deliveries.DeliveriesGone(position);
        }
        return fold(rows, month);
    }

    /**
     * Stores the deliveries of the snapshot at {@code position} (which must be in {@code as_of_snapshot}): the
     * changes since the snapshot they start from, a row per month. In the caller's transaction. False, storing
     * nothing, if that snapshot is no longer the latest to hold deliveries (another node stored a newer one): the
     * rows would not be this snapshot's chain.
     */
    boolean store(long position, Deliveries deliveries) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtext('as_of_delivery'))", row -> { });
        Long latest = jdbc.queryForObject("SELECT max(global_index) FROM as_of_snapshot"
                + " WHERE fold_version = ? AND holds_deliveries", Long.class, version);
        long start = deliveries.storedAt();
        if (latest != null && latest == position) {
            return true; // stored by another node: the same events, the same deliveries
        }
        if (latest == null ? start >= 0 : latest != start) {
            return false;
        }
        // Rows after the start belong to no snapshot that holds deliveries (one dropped before it was superseded).
        jdbc.update("DELETE FROM as_of_delivery WHERE fold_version = ? AND global_index > ?", version, start);
        Map<String, Map<Delivery, Integer>> byMonth = deliveries.changes();
        Map<String, long[]> sinceWhole = changesSinceWhole(byMonth.keySet());
        Map<String, byte[]> encoded = new HashMap<>();
        byMonth.forEach((month, changes) -> encoded.put(month, encode(changes)));
        Set<String> folded = folded(sinceWhole, encoded);
        List<Object[]> rows = new ArrayList<>();
        byMonth.forEach((month, changes) -> {
            byte[] bytes = encoded.get(month);
            boolean whole = folded.contains(month);
            if (whole) {
                // Read past the months kept for answers: the month as it was is not asked for again.
                Map<Delivery, Integer> counts = new HashMap<>(sinceWhole.containsKey(month)
                        ? readRows(month, start, start) : Map.of());
                changes.forEach((delivery, count) -> counts.merge(delivery, count, Integer::sum));
                bytes = encode(Deliveries.standing(counts, month));
            }
            rows.add(new Object[]{version, month, position, whole, bytes});
        });
        jdbc.batchUpdate("INSERT INTO as_of_delivery (fold_version, month, global_index, whole, deliveries)"
                + " VALUES (?, ?, ?, ?, ?)", rows);
        jdbc.update("UPDATE as_of_snapshot SET holds_deliveries = true WHERE fold_version = ? AND global_index = ?",
                version, position);
        // This one and the one it started from hold them (an answer may be reading that one); those before do not,
        // and the rows only they read go.
        long oldestHeld = start >= 0 ? start : position;
        jdbc.update("UPDATE as_of_snapshot SET holds_deliveries = false"
                + " WHERE fold_version = ? AND holds_deliveries AND global_index < ?", version, oldestHeld);
        jdbc.update("""
                DELETE FROM as_of_delivery d WHERE d.fold_version = ? AND d.global_index < (
                    SELECT max(w.global_index) FROM as_of_delivery w
                    WHERE w.fold_version = d.fold_version AND w.month = d.month AND w.whole AND w.global_index <= ?)""",
                version, oldestHeld);
        return true;
    }

    /**
     * The months whose rows this snapshot writes whole: those with no row yet (their changes are all there is);
     * those whose changes, with this snapshot's ({@code encoded}), reach twice {@link #MAX_CHANGE_ROWS} rows or twice
     * the whole row's size; and, to make up {@link #MAX_FOLDS} folds, those furthest over the limit once.
     */
    private static Set<String> folded(Map<String, long[]> sinceWhole, Map<String, byte[]> encoded) {
        Set<String> folded = new HashSet<>();
        Map<String, Double> over = new HashMap<>();
        int forced = 0;
        for (Map.Entry<String, byte[]> month : encoded.entrySet()) {
            long[] since = sinceWhole.get(month.getKey());
            if (since == null) {
                folded.add(month.getKey());
                continue;
            }
            long rows = since[1] + 1;
            double times = Math.max(rows / (double) MAX_CHANGE_ROWS,
                    (since[2] + month.getValue().length) / (double) Math.max(1, since[0]));
            if (times >= 2) {
                folded.add(month.getKey());
                forced++;
            } else if (rows >= MAX_CHANGE_ROWS || times > 1) {
                over.put(month.getKey(), times);
            }
        }
        over.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(Math.max(0, MAX_FOLDS - forced))
                .forEach(entry -> folded.add(entry.getKey()));
        return folded;
    }

    /**
     * For each of {@code months} that has rows: the size of its last whole row, how many rows of changes follow it
     * and their size.
     */
    private Map<String, long[]> changesSinceWhole(Set<String> months) {
        Map<String, long[]> since = new HashMap<>();
        if (months.isEmpty()) {
            return since;
        }
        jdbc.query("""
                SELECT d.month, d.whole, octet_length(d.deliveries) FROM as_of_delivery d
                WHERE d.fold_version = ? AND d.month = ANY (?) AND d.global_index >= coalesce((
                    SELECT max(w.global_index) FROM as_of_delivery w
                    WHERE w.fold_version = d.fold_version AND w.month = d.month AND w.whole), -1)""",
                row -> {
                    long[] figures = since.computeIfAbsent(row.getString(1), month -> new long[3]);
                    if (row.getBoolean(2)) {
                        figures[0] = row.getLong(3);
                    } else {
                        figures[1]++;
                        figures[2] += row.getLong(3);
                    }
                }, version, months.toArray(String[]::new));
        return since;
    }

    /** Forgets the months read (the rows were deleted: the fold's version changed). */
    void forgetRead() {
        synchronized (read) {
            read.clear();
        }
    }

    /**
     * A month's rows from its last whole row on, each as {@link #encode} wrote it, added up: the deliveries of the
     * month, each with how many records deliver it.
     */
    static Map<Delivery, Integer> fold(List<byte[]> rows, String month) {
        Map<Delivery, Integer> counts = new HashMap<>();
        // One copy of each key and figure: many deliveries count for a few hundred different ones.
        Map<Key, Key> keys = new HashMap<>();
        Map<ServiceFigures, ServiceFigures> figures = new HashMap<>();
        for (byte[] row : rows) {
            Deflated.read(row, in -> {
                decode(in, keys, figures, (delivery, count) -> counts.merge(delivery, count, Integer::sum));
                return null;
            });
        }
        return Deliveries.standing(counts, month);
    }

    /** Deliveries and their counts (signed), deflated: the table of their keys, then each delivery. */
    static byte[] encode(Map<Delivery, Integer> counts) {
        return Deflated.write(out -> {
            Map<Key, Integer> keys = KeyTable.write(out, counts.keySet().stream().map(Delivery::key).toList());
            out.writeInt(counts.size());
            for (Map.Entry<Delivery, Integer> entry : counts.entrySet()) {
                Delivery delivery = entry.getKey();
                out.writeInt(keys.get(delivery.key()));
                Deflated.writeInstant(out, delivery.deliveredAt());
                out.writeLong(delivery.figures().participants());
                out.writeLong(delivery.figures().satisfactionSum());
                out.writeLong(delivery.figures().satisfactionCount());
                out.writeInt(entry.getValue());
            }
        });
    }

    private interface Counted {
        void accept(Delivery delivery, int count);
    }

    private static void decode(DataInputStream in, Map<Key, Key> sharedKeys,
                               Map<ServiceFigures, ServiceFigures> sharedFigures, Counted sink) throws IOException {
        Key[] keys = KeyTable.read(in, sharedKeys);
        for (int i = in.readInt(); i > 0; i--) {
            Key key = keys[in.readInt()];
            Instant deliveredAt = Deflated.readInstant(in);
            ServiceFigures figures = new ServiceFigures(1, in.readLong(), in.readLong(), in.readLong());
            sink.accept(new Delivery(key, deliveredAt, sharedFigures.computeIfAbsent(figures, same -> same)),
                    in.readInt());
        }
    }
}
