package org.familystation.query.asof;

import org.familystation.platform.eventstore.EventStoreProperties;
import org.familystation.query.common.QueryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Takes a snapshot of the network fold ({@link NetworkSnapshot}) at every multiple of
 * {@code familystation.query.as-of-snapshots.every} in the store's global index (0: none), so that an answer as of any
 * date reads at most about that many events from the store. Each snapshot is the one before it advanced by the events
 * after it, so taking one reads only those. Besides, once {@code head-every} events have come since the latest
 * snapshot, one at the head of the store (replacing the previous such one). A snapshot holds the services' tallies,
 * not the records ({@link ServiceTallies}): its size grows with stations × projects × months, not with the history,
 * so they can be dense. The deliveries of the standing records (business time) are stored as what changed since the
 * snapshot that stored them before ({@link DeliveryMonths}): by the last one taken, or sooner once
 * {@link #STORE_DELIVERIES_AFTER} changes wait, so that neither the node nor a snapshot holds them all.
 *
 * <p>Not a projection: an event processor sees events in the order their transactions commit, with gaps filled
 * late, while the as-of fold reads them in global-index order; a snapshot must equal reading the store from the
 * start. So it is taken only at a position that was the head of the store at least the event store's gap timeout
 * ago: by then every transaction that took a position below it has committed or given up (the same promise Axon's
 * processors rely on). Several query nodes may take the same snapshot; the second is not stored.
 */
@Component
@EnableScheduling
public class NetworkSnapshotter {

    private static final Logger log = LoggerFactory.getLogger(NetworkSnapshotter.class);
    /** A snapshot stores its deliveries once this many changes to them wait in memory (a history loaded in bulk). */
    static final long STORE_DELIVERIES_AFTER = 100_000;

    private final EventsUpTo events;
    private final NetworkSnapshots snapshots;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration settle;
    private final long every;
    private final long headEvery;
    /** A head of the store seen earlier, and when: a snapshot may be taken at it once it has settled. */
    private Instant headSeenAt;
    private long head = -1;

    NetworkSnapshotter(EventsUpTo events, NetworkSnapshots snapshots, JdbcTemplate jdbc, Clock clock,
                       QueryProperties properties, EventStoreProperties eventStore,
                       @Value("${familystation.query.as-of-snapshots.every:5000}") long every,
                       @Value("${familystation.query.as-of-snapshots.head-every:1000}") long headEvery) {
        this.events = events;
        this.snapshots = snapshots;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = properties.getTimeZone();
        this.settle = eventStore.getGapTimeout();
        this.every = every;
        this.headEvery = headEvery;
    }

    @Scheduled(initialDelayString = "${familystation.query.as-of-snapshots.check-every:PT1M}",
            fixedDelayString = "${familystation.query.as-of-snapshots.check-every:PT1M}")
    synchronized void check() {
        if (every <= 0) {
            return;
        }
        Instant now = clock.instant();
        if (headSeenAt != null && !headSeenAt.plus(settle).isAfter(now)) {
            // At every multiple of `every` (the same positions on every node), each from the one before: a history
            // loaded in bulk gets its snapshots all the way, so that past dates in recorded time have theirs too.
            List<Long> positions = new ArrayList<>();
            long latest = snapshots.latestPosition();
            for (long position = (Math.max(latest, 0) / every + 1) * every; position <= head; position += every) {
                positions.add(position);
                latest = position;
            }
            // And at the head, so that answers in business time (the default, which start from the latest) read
            // only what came since; the head's previous one goes, the multiples stay.
            boolean atHead = head % every != 0 && head - latest >= Math.max(1, Math.min(every, headEvery));
            if (atHead) {
                positions.add(head);
            }
            // The last one taken stores its deliveries (only the latest are read for them), those before it only
            // once many changes wait.
            for (int i = 0; i < positions.size(); i++) {
                snapshotAt(positions.get(i), i == positions.size() - 1);
            }
            if (atHead) {
                snapshots.dropBetweenMultiples(every, head);
            }
        }
        Long current = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        if (current != null && current != head) {
            head = current;
            headSeenAt = now;
        }
    }

    /**
     * Takes the snapshot at {@code position} (every event up to it, which must all have been committed), from the
     * latest one below it. Empty when no event of the fold is at or below it. Snapshots of other fold versions are
     * dropped first.
     */
    public Optional<NetworkSnapshot> snapshotAt(long position) {
        return snapshotAt(position, true);
    }

    private Optional<NetworkSnapshot> snapshotAt(long position, boolean storeDeliveries) {
        long started = System.nanoTime();
        int dropped = snapshots.dropOtherVersions();
        if (dropped > 0) {
            log.info("dropped {} as-of snapshots of other fold versions than {}", dropped, NetworkFold.VERSION);
        }
        Optional<NetworkSnapshot> before = snapshots.latest(position, null, true);
        if (before.isPresent() && before.get().globalIndex() == position) {
            return before;
        }
        NetworkFold fold = before.map(start -> NetworkFold.from(start, zone, null, true))
                .orElseGet(() -> NetworkFold.forSnapshot(zone));
        long after = before.map(NetworkSnapshot::globalIndex).orElse(-1L);
        // A snapshot between multiples (at the head) is dropped once this one stands: this one then says what it
        // said about the events before it, so that they stay skippable (NetworkSnapshots#toRead).
        Optional<NetworkSnapshots.RecordedSince> replaced = before
                .filter(start -> every > 0 && start.globalIndex() % every != 0)
                .flatMap(start -> snapshots.recordedSince(start.globalIndex()));
        Instant[] earliest = {replaced.map(NetworkSnapshots.RecordedSince::earliestRecordedAt).orElse(null)};
        events.read(after, position, null, NetworkFold.EVENT_TYPES, (globalIndex, recordedAt, payload) -> {
            if (earliest[0] == null || recordedAt.isBefore(earliest[0])) {
                earliest[0] = recordedAt;
            }
            fold.apply(globalIndex, recordedAt, payload);
        });
        before.ifPresent(start -> fold.resolve(NetworkHistory.recordsUpTo(events, start.globalIndex())));
        NetworkSnapshot snapshot = fold.snapshot(position);
        if (snapshot.eventsRead() == 0) {
            return Optional.empty();
        }
        Deliveries deliveries = snapshot.services().deliveries();
        boolean withDeliveries = deliveries != null
                && (storeDeliveries || deliveries.changeCount() >= STORE_DELIVERIES_AFTER);
        NetworkSnapshot saved = snapshots.save(snapshot, withDeliveries, new NetworkSnapshots.RecordedSince(
                replaced.map(NetworkSnapshots.RecordedSince::sinceIndex).orElse(after), position, earliest[0]));
        log.info("as-of snapshot at {} ({} events, {} services standing{}) in {} ms", position, snapshot.eventsRead(),
                snapshot.services().services(), !withDeliveries ? ""
                        : saved.services().holdsDeliveries() ? ", " + deliveries.changeCount() + " deliveries changed"
                        : ", deliveries left to the node that stored newer ones",
                (System.nanoTime() - started) / 1_000_000);
        return Optional.of(saved);
    }
}
