package org.familystation.query.asof;

import org.familystation.events.common.StationPoint;
import org.familystation.query.asof.ServiceTallies.Delivery;
import org.familystation.query.asof.ServiceTallies.Key;
import org.familystation.query.common.ReadStoreTest;
import org.familystation.query.servicerecord.ServiceFigures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The snapshots' deliveries by month on a real PostgreSQL, as two query nodes store and read them: each node's
 * snapshots store what changed since the one before; a node whose chain no longer starts from the latest stores
 * nothing; a month reads as the deliveries added and taken away up to the snapshot (checked against counting them
 * one by one), also after its changes were folded into whole rows; the rows only older snapshots read go with their
 * mark, and a read of those finds them gone.
 */
@ReadStoreTest
class DeliveryMonthsTest {

    private static final String JUNE = "2026-06";
    private static final String JULY = "2026-07";

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;

    private DeliveryMonths nodeA;
    private DeliveryMonths nodeB;
    private final Random random = new Random(5);

    @BeforeEach
    void emptyStore() {
        jdbc.update("DELETE FROM as_of_delivery");
        jdbc.update("DELETE FROM as_of_snapshot");
        nodeA = new DeliveryMonths(jdbc);
        nodeB = new DeliveryMonths(jdbc);
    }

    @Test
    void aChainOfSnapshotsStoresWhatChangedAndReadsTheMonthAsCounted() {
        Map<Delivery, Integer> june = new HashMap<>();
        Map<Delivery, Integer> july = new HashMap<>();
        Deliveries chain = Deliveries.NONE;
        long position = 0;
        List<Delivery> standing = new ArrayList<>();
        for (int snapshot = 1; snapshot <= 60; snapshot++) {
            List<Delivery> removed = new ArrayList<>();
            List<Delivery> added = new ArrayList<>();
            for (int change = 0; change < 1 + random.nextInt(5); change++) {
                if (!standing.isEmpty() && random.nextInt(4) == 0) {
                    Delivery gone = standing.remove(random.nextInt(standing.size()));
                    removed.add(gone);
                    count(gone.key().month().equals(JUNE) ? june : july, gone, -1);
                } else {
                    // Only June changes after the first few snapshots: its changes pile up and are folded.
                    Delivery delivery = delivery(snapshot > 5 || random.nextBoolean() ? JUNE : JULY);
                    standing.add(delivery);
                    added.add(delivery);
                    count(delivery.key().month().equals(JUNE) ? june : july, delivery, 1);
                }
            }
            position += 100;
            assertThat(store(nodeA, position, chain.plus(removed, added))).isTrue();
            chain = Deliveries.storedAt(position, nodeA);
            assertThat(chain.in(JUNE)).as("June at %d", position).isEqualTo(june);
            assertThat(nodeB.month(JULY, position)).as("July at %d, read by the other node", position)
                    .isEqualTo(july);
        }
        // June's changes were folded into whole rows as they went: its rows stay few; July's last change is early.
        assertThat(rows(JUNE)).isLessThanOrEqualTo(DeliveryMonths.MAX_CHANGE_ROWS + 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM as_of_delivery WHERE month = ? AND whole",
                Long.class, JUNE)).isPositive();
        // Two snapshots hold their deliveries; the one before them no longer, and a read of it says so.
        assertThat(jdbc.queryForList("SELECT global_index FROM as_of_snapshot WHERE holds_deliveries"
                + " ORDER BY global_index", Long.class)).containsExactly(position - 100, position);
        long older = position - 200;
        assertThatThrownBy(() -> nodeB.month(JUNE, older)).isInstanceOf(Deliveries.DeliveriesGone.class);
    }

    @Test
    void aNodeWhoseChainNoLongerStartsFromTheLatestStoresNothing() {
        Delivery first = delivery(JUNE);
        Delivery second = delivery(JUNE);
        assertThat(store(nodeA, 100, Deliveries.NONE.plus(List.of(), List.of(first)))).isTrue();
        // Node B took its own first snapshot from nothing, later: its rows would count the first delivery twice.
        assertThat(store(nodeB, 150, Deliveries.NONE.plus(List.of(), List.of(first, second)))).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM as_of_delivery WHERE global_index = 150", Long.class))
                .isZero();
        // The same snapshot stored by both: the second finds it stored.
        Deliveries fromA = Deliveries.storedAt(100, nodeA).plus(List.of(), List.of(second));
        Deliveries fromB = Deliveries.storedAt(100, nodeB).plus(List.of(), List.of(second));
        assertThat(store(nodeA, 200, fromA)).isTrue();
        assertThat(store(nodeB, 200, fromB)).isTrue();
        assertThat(nodeB.month(JUNE, 200)).isEqualTo(Map.of(first, 1, second, 1));
    }

    @Test
    void rowsOfASnapshotDroppedBeforeItWasSupersededAreNotCounted() {
        // Many at first: the changes after them are stored as changes, not whole months.
        Map<Delivery, Integer> first = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            count(first, delivery(JUNE), 1);
        }
        Delivery dropped = delivery(JUNE);
        Delivery later = delivery(JUNE);
        assertThat(store(nodeA, 100, Deliveries.NONE.plus(List.of(), expanded(first)))).isTrue();
        assertThat(store(nodeA, 200, Deliveries.storedAt(100, nodeA).plus(List.of(), List.of(dropped)))).isTrue();
        // A head snapshot dropped (NetworkSnapshotter takes a newer one), then another node continues from 100.
        jdbc.update("DELETE FROM as_of_snapshot WHERE global_index = 200");
        assertThat(store(nodeB, 300, Deliveries.storedAt(100, nodeB).plus(List.of(), List.of(later)))).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM as_of_delivery WHERE global_index = 300 AND NOT whole",
                Long.class)).isOne();
        count(first, later, 1);
        assertThat(nodeA.month(JUNE, 300)).isEqualTo(first);
    }

    @Test
    void monthsChangedAlikeAreNotAllFoldedByTheSameSnapshot() {
        // Nine months, each changed by every snapshot (deliveries dated all over the history, as a bulk load has).
        List<String> months = List.of("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07",
                "2026-08", "2026-09");
        Map<String, Map<Delivery, Integer>> counted = new HashMap<>();
        List<Delivery> first = new ArrayList<>();
        for (String month : months) {
            for (int i = 0; i < 200; i++) {
                Delivery delivery = delivery(month);
                first.add(delivery);
                count(counted.computeIfAbsent(month, m -> new HashMap<>()), delivery, 1);
            }
        }
        assertThat(store(nodeA, 100, Deliveries.NONE.plus(List.of(), first))).isTrue();
        Map<Long, List<String>> foldedBy = new HashMap<>();
        for (long position = 200; position <= 10_000; position += 100) {
            List<Delivery> added = new ArrayList<>();
            for (String month : months) {
                Delivery delivery = delivery(month);
                added.add(delivery);
                count(counted.get(month), delivery, 1);
            }
            assertThat(store(nodeA, position, Deliveries.storedAt(position - 100, nodeA).plus(List.of(), added)))
                    .isTrue();
            List<String> folded = jdbc.queryForList("SELECT month FROM as_of_delivery WHERE global_index = ?"
                    + " AND whole ORDER BY month", String.class, position);
            if (!folded.isEmpty()) {
                foldedBy.put(position, folded);
            }
        }
        // Every month was folded, and no snapshot folded more than its share (all nine reach the limit together).
        assertThat(foldedBy.values()).allSatisfy(folded -> assertThat(folded).hasSizeLessThanOrEqualTo(
                DeliveryMonths.MAX_FOLDS));
        assertThat(foldedBy.values().stream().flatMap(List::stream).distinct()).hasSameSizeAs(months);
        for (String month : months) {
            assertThat(rows(month)).as(month).isLessThanOrEqualTo(2L * DeliveryMonths.MAX_CHANGE_ROWS + 1);
            assertThat(nodeB.month(month, 10_000)).as(month).isEqualTo(counted.get(month));
        }
    }

    /** Stores {@code deliveries} with the snapshot at {@code position}, as NetworkSnapshots does: in a transaction. */
    private boolean store(DeliveryMonths node, long position, Deliveries deliveries) {
        return new TransactionTemplate(transactions).execute(status -> {
            jdbc.update("""
                    INSERT INTO as_of_snapshot (fold_version, global_index, last_recorded_at, events_read, state)
                    VALUES (?, ?, now(), ?, ?) ON CONFLICT DO NOTHING""",
                    NetworkFold.VERSION, position, position, new byte[]{0});
            return node.store(position, deliveries);
        });
    }

    private Delivery delivery(String month) {
        int station = random.nextInt(3);
        Key key = new Key("station-" + station, "区" + station, StationPoint.CULTURE, "READING", "读书会", month);
        Instant deliveredAt = Instant.parse(month + "-01T00:00:00Z").plusSeconds(random.nextInt(27 * 24 * 3600));
        return new Delivery(key, deliveredAt, new ServiceFigures(1, 1 + random.nextInt(3), 0, 0));
    }

    private static void count(Map<Delivery, Integer> month, Delivery delivery, int sign) {
        month.merge(delivery, sign, Integer::sum);
        month.values().removeIf(count -> count == 0);
    }

    private static List<Delivery> expanded(Map<Delivery, Integer> counts) {
        List<Delivery> each = new ArrayList<>();
        counts.forEach((delivery, count) -> each.addAll(Collections.nCopies(count, delivery)));
        return each;
    }

    private long rows(String month) {
        return jdbc.queryForObject("SELECT count(*) FROM as_of_delivery WHERE month = ?", Long.class, month);
    }
}
