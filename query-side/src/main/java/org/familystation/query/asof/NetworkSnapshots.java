package org.familystation.query.asof;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.familystation.query.common.QueryProperties;
import org.familystation.query.network.UnitState;
import org.familystation.query.servicerecord.ServiceFigures;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The snapshots of the network fold ({@link NetworkSnapshot}) in {@code as_of_snapshot}, deflated binary: the service
 * tallies as a table of names, keys and figures; units and dated events as JSON through the event serializer's mapper
 * (so events are written as the store writes them). The deliveries of the standing records ({@link Deliveries}) are
 * stored by month beside them ({@link DeliveryMonths}), held by the latest snapshots only: a business-time answer,
 * which starts from the latest, reads the month of its date; a recorded-time answer, which may start from any, reads
 * the tallies only. Only snapshots of this {@link NetworkFold#VERSION} are read. The latest snapshot, and the last
 * other one read, are kept decoded (without their deliveries, which are read a month at a time): answers as of recent
 * dates all start from the latest one.
 */
@Component
public class NetworkSnapshots {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final DeliveryMonths deliveryMonths;
    private final ObjectMapper mapper;
    private final JavaType unitList;
    private final String version;
    /**
     * The latest snapshot read or taken, and the last other one read: answers in business time all start from the
     * latest, and an answer in recorded time from an earlier one must not make the next business-time answer decode
     * the latest again.
     */
    private volatile NetworkSnapshot latest;
    private volatile NetworkSnapshot lastOther;

    NetworkSnapshots(JdbcTemplate jdbc, PlatformTransactionManager transactions, DeliveryMonths deliveryMonths,
                     @Qualifier("eventSerializer") Serializer serializer, QueryProperties properties) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.deliveryMonths = deliveryMonths;
        this.mapper = ((JacksonSerializer) serializer).getObjectMapper();
        this.unitList = mapper.getTypeFactory().constructCollectionType(List.class, UnitState.class);
        this.version = NetworkFold.VERSION;
    }

    private record Position(long globalIndex, boolean holdsDeliveries) {
    }

    /**
     * What a snapshot says about the events it folded after an earlier position: those of the fold in
     * ({@code sinceIndex}, {@code upTo}] were all recorded at or after {@code earliestRecordedAt} (null: there were
     * none). An answer in recorded time as of an earlier instant need not read them.
     */
    record RecordedSince(long sinceIndex, long upTo, Instant earliestRecordedAt) {
    }

    /** Events to read: those after {@code after} up to {@code upTo} (null: to the end of the store). */
    record Range(long after, Long upTo) {
    }

    /**
     * The latest snapshot at or below {@code upTo} (null: any) whose events were all recorded by {@code recordedBy}
     * (null: whenever), with its deliveries if {@code withDeliveries} (then only a snapshot that holds them).
     */
    Optional<NetworkSnapshot> latest(Long upTo, Instant recordedBy, boolean withDeliveries) {
        // The latest may hold its deliveries only here (taken by this node, their latest changes not yet stored).
        Optional<NetworkSnapshot> found = latest(upTo, recordedBy, withDeliveries, false);
        return found.isPresent() || !withDeliveries ? found : latest(upTo, recordedBy, true, true);
    }

    private Optional<NetworkSnapshot> latest(Long upTo, Instant recordedBy, boolean withDeliveries,
                                             boolean storedWithDeliveries) {
        List<Position> positions = jdbc.query("SELECT global_index, holds_deliveries FROM as_of_snapshot"
                        + " WHERE fold_version = ? AND global_index <= ?"
                        + (recordedBy == null ? "" : " AND last_recorded_at <= ?")
                        + (storedWithDeliveries ? " AND holds_deliveries" : "")
                        + " ORDER BY global_index DESC LIMIT 1",
                (row, index) -> new Position(row.getLong(1), row.getBoolean(2)),
                recordedBy == null ? new Object[]{version, upTo == null ? Long.MAX_VALUE : upTo}
                        : new Object[]{version, upTo == null ? Long.MAX_VALUE : upTo, Timestamp.from(recordedBy)});
        if (positions.isEmpty()) {
            return Optional.empty();
        }
        long position = positions.get(0).globalIndex();
        for (NetworkSnapshot kept : new NetworkSnapshot[]{latest, lastOther}) {
            if (kept != null && kept.globalIndex() == position
                    && (!withDeliveries || kept.services().holdsDeliveries())) {
                return Optional.of(kept);
            }
        }
        if (withDeliveries && !positions.get(0).holdsDeliveries()) {
            return Optional.empty();
        }
        List<NetworkSnapshot> read = jdbc.query("SELECT state, holds_deliveries AND ? FROM as_of_snapshot"
                        + " WHERE fold_version = ? AND global_index = ?",
                (row, index) -> decode(row.getBytes(1), row.getBoolean(2)), withDeliveries, version, position);
        if (read.isEmpty() || (withDeliveries && !read.get(0).services().holdsDeliveries())) {
            return Optional.empty(); // dropped or superseded in between
        }
        keep(read.get(0));
        return Optional.of(read.get(0));
    }

    /** The position of the latest snapshot of this version; -1 if none. */
    long latestPosition() {
        Long position = jdbc.queryForObject("SELECT max(global_index) FROM as_of_snapshot WHERE fold_version = ?",
                Long.class, version);
        return position == null ? -1 : position;
    }

    /** What the snapshot at {@code position} says about the events before it, if it was taken knowing it. */
    Optional<RecordedSince> recordedSince(long position) {
        return jdbc.query("SELECT since_index, earliest_recorded_at FROM as_of_snapshot"
                        + " WHERE fold_version = ? AND global_index = ? AND since_index IS NOT NULL",
                (row, index) -> new RecordedSince(row.getLong(1), position, instant(row.getTimestamp(2))),
                version, position).stream().findFirst();
    }

    /**
     * The ranges of the store after {@code after} that hold every event of the fold recorded by {@code recordedBy}:
     * the store to its end less the ranges whose snapshot says their events were all recorded later. In the usual
     * history (recording order close to the global index) that is the few thousand events after the answer's
     * snapshot and those after the latest, instead of every event to the end of the store.
     */
    List<Range> toRead(long after, Instant recordedBy) {
        // Events are stored to the millisecond and the time filter compares at that precision.
        List<RecordedSince> later = jdbc.query("SELECT since_index, global_index FROM as_of_snapshot"
                        + " WHERE fold_version = ? AND since_index >= ?"
                        + " AND (earliest_recorded_at IS NULL OR earliest_recorded_at > ?) ORDER BY since_index",
                (row, index) -> new RecordedSince(row.getLong(1), row.getLong(2), null),
                version, after, Timestamp.from(recordedBy.truncatedTo(ChronoUnit.MILLIS)));
        return rangesToRead(after, later);
    }

    /**
     * The store after {@code after} less the ranges {@code skipped} (ordered by their start; they may touch or
     * overlap), as ranges in ascending order, the last one open to the end of the store.
     */
    static List<Range> rangesToRead(long after, List<RecordedSince> skipped) {
        List<Range> ranges = new ArrayList<>();
        long from = after;
        for (RecordedSince skip : skipped) {
            if (skip.sinceIndex() > from) {
                ranges.add(new Range(from, skip.sinceIndex()));
            }
            from = Math.max(from, skip.upTo());
        }
        ranges.add(new Range(from, null));
        return ranges;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * Stores {@code snapshot}, with its deliveries if {@code withDeliveries} ({@link DeliveryMonths#store}: the
     * changes since the snapshot they start from), and what it says about the events it folded since an earlier
     * position ({@link #toRead}). The snapshot as the next ones start from it: with its deliveries read from the
     * store once stored, without them if another node stored newer ones (they would not start from them), else as
     * taken.
     */
    NetworkSnapshot save(NetworkSnapshot snapshot, boolean withDeliveries, RecordedSince since) {
        NetworkSnapshot saved = transaction.execute(status -> {
            // Another node may have taken the same one.
            jdbc.update("""
                    INSERT INTO as_of_snapshot (fold_version, global_index, last_recorded_at, events_read, state,
                    since_index, earliest_recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (fold_version, global_index) DO NOTHING""",
                    version, snapshot.globalIndex(), Timestamp.from(snapshot.lastRecordedAt()), snapshot.eventsRead(),
                    encode(snapshot), since.sinceIndex(),
                    since.earliestRecordedAt() == null ? null : Timestamp.from(since.earliestRecordedAt()));
            Deliveries deliveries = snapshot.services().deliveries();
            if (!withDeliveries || deliveries == null) {
                return snapshot;
            }
            return withDeliveries(snapshot, deliveryMonths.store(snapshot.globalIndex(), deliveries)
                    ? Deliveries.storedAt(snapshot.globalIndex(), deliveryMonths) : null);
        });
        // Taken here, it is the one the next answers start from: no need to read it back.
        keep(saved);
        return saved;
    }

    private static NetworkSnapshot withDeliveries(NetworkSnapshot snapshot, Deliveries deliveries) {
        return new NetworkSnapshot(snapshot.globalIndex(), snapshot.lastRecordedAt(), snapshot.eventsRead(),
                snapshot.lastUndatedIndex(), snapshot.units(), snapshot.services().withDeliveries(deliveries),
                snapshot.datedEvents());
    }

    /**
     * Forgets the snapshots kept whose deliveries start from those stored at {@code position}, which it no longer
     * holds ({@link Deliveries.DeliveriesGone}): the next answer reads the latest again.
     */
    synchronized void forget(long position) {
        if (startsFrom(latest, position)) {
            latest = null;
        }
        if (startsFrom(lastOther, position)) {
            lastOther = null;
        }
    }

    private static boolean startsFrom(NetworkSnapshot kept, long position) {
        return kept != null && kept.services().holdsDeliveries() && kept.services().deliveries().storedAt() == position;
    }

    private synchronized void keep(NetworkSnapshot snapshot) {
        NetworkSnapshot kept = latest;
        if (kept == null || snapshot.globalIndex() > kept.globalIndex()
                || (snapshot.globalIndex() == kept.globalIndex() && snapshot.services().holdsDeliveries())) {
            latest = snapshot;
        } else if (snapshot.globalIndex() < kept.globalIndex()) {
            lastOther = snapshot;
        } // else the same one, already kept with its deliveries
    }

    /** Drops the snapshots below {@code below} that are not at a multiple of {@code every}. */
    void dropBetweenMultiples(long every, long below) {
        jdbc.update("DELETE FROM as_of_snapshot WHERE fold_version = ? AND global_index < ? AND global_index % ? <> 0",
                version, below, every);
    }

    /** Drops the snapshots of other fold versions, and their deliveries: none will be read again. How many. */
    int dropOtherVersions() {
        int dropped = jdbc.update("DELETE FROM as_of_snapshot WHERE fold_version <> ?", version);
        if (jdbc.update("DELETE FROM as_of_delivery WHERE fold_version <> ?", version) > 0) {
            deliveryMonths.forgetRead();
        }
        return dropped;
    }

    private byte[] encode(NetworkSnapshot snapshot) {
        return Deflated.write(out -> {
            out.writeLong(snapshot.globalIndex());
            Deflated.writeInstant(out, snapshot.lastRecordedAt());
            out.writeLong(snapshot.eventsRead());
            out.writeLong(snapshot.lastUndatedIndex() == null ? -1 : snapshot.lastUndatedIndex());
            Deflated.writeBytes(out, mapper.writeValueAsBytes(snapshot.units()));
            out.writeInt(snapshot.datedEvents().size());
            for (NetworkSnapshot.DatedEvent dated : snapshot.datedEvents()) {
                out.writeLong(dated.globalIndex());
                out.writeUTF(dated.event().getClass().getName());
                Deflated.writeBytes(out, mapper.writeValueAsBytes(dated.event()));
            }
            // The table of the keys, then each key's number and its figures.
            Map<ServiceTallies.Key, Integer> keys = KeyTable.write(out, snapshot.services().figures().keySet());
            out.writeInt(snapshot.services().figures().size());
            for (Map.Entry<ServiceTallies.Key, ServiceFigures> tally : snapshot.services().figures().entrySet()) {
                out.writeInt(keys.get(tally.getKey()));
                ServiceFigures figures = tally.getValue();
                out.writeLong(figures.services());
                out.writeLong(figures.participants());
                out.writeLong(figures.satisfactionSum());
                out.writeLong(figures.satisfactionCount());
            }
        });
    }

    /** The snapshot in {@code state}, with its stored deliveries if {@code withDeliveries}. */
    private NetworkSnapshot decode(byte[] state, boolean withDeliveries) {
        return Deflated.read(state, in -> {
            long globalIndex = in.readLong();
            Instant lastRecordedAt = Deflated.readInstant(in);
            long eventsRead = in.readLong();
            long lastUndated = in.readLong();
            List<UnitState> units = mapper.readValue(Deflated.readBytes(in), unitList);
            int datedCount = in.readInt();
            List<NetworkSnapshot.DatedEvent> dated = new ArrayList<>(datedCount);
            for (int i = 0; i < datedCount; i++) {
                long position = in.readLong();
                Class<?> type = eventType(in.readUTF());
                dated.add(new NetworkSnapshot.DatedEvent(position, mapper.readValue(Deflated.readBytes(in), type)));
            }
            ServiceTallies.Key[] keys = KeyTable.read(in, new HashMap<>());
            int tallies = in.readInt();
            Map<ServiceTallies.Key, ServiceFigures> figures = new HashMap<>(tallies * 4 / 3 + 1);
            for (int i = 0; i < tallies; i++) {
                figures.put(keys[in.readInt()], new ServiceFigures(in.readLong(), in.readLong(), in.readLong(),
                        in.readLong()));
            }
            return new NetworkSnapshot(globalIndex, lastRecordedAt, eventsRead, lastUndated < 0 ? null : lastUndated,
                    List.copyOf(units), new ServiceTallies(figures, withDeliveries
                    ? Deliveries.storedAt(globalIndex, deliveryMonths) : null), List.copyOf(dated));
        });
    }

    private Class<?> eventType(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            // The fold's version covers the event types it reads: a type gone is a version gone.
            throw new IllegalStateException("a snapshot of version " + version + " holds an unknown event type", e);
        }
    }
}
