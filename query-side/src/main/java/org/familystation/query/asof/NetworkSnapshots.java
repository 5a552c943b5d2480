package org.familystation.query.asof;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.familystation.events.common.StationPoint;
import org.familystation.query.common.QueryProperties;
import org.familystation.query.network.UnitState;
import org.familystation.query.servicerecord.ServiceFigures;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The snapshots of the network fold ({@link NetworkSnapshot}) in {@code as_of_snapshot}, deflated binary: the service
 * tallies as a table of names, keys and figures; units and dated events as JSON through the event serializer's mapper
 * (so events are written as the store writes them). The deliveries of the standing records ({@link ServiceTallies})
 * are a column of their own, kept only in the latest snapshot: a business-time answer, which starts from the latest,
 * reads them; a recorded-time answer, which may start from any, reads the tallies only. Only snapshots of this
 * {@link NetworkFold#VERSION} are read. The latest snapshot, and the last other one read, are kept decoded: answers
 * as of recent dates all start from the latest one.
 */
@Component
public class NetworkSnapshots {

    private final JdbcTemplate jdbc;
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

    NetworkSnapshots(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
                     QueryProperties properties) {
        this.jdbc = jdbc;
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
        // The latest may hold its deliveries only here, decoded (taken by this node, stored without them).
        Optional<NetworkSnapshot> found = latest(upTo, recordedBy, withDeliveries, false);
        return found.isPresent() || !withDeliveries ? found : latest(upTo, recordedBy, true, true);
    }

    private Optional<NetworkSnapshot> latest(Long upTo, Instant recordedBy, boolean withDeliveries,
                                             boolean storedWithDeliveries) {
        List<Position> positions = jdbc.query("SELECT global_index, deliveries IS NOT NULL FROM as_of_snapshot"
                        + " WHERE fold_version = ? AND global_index <= ?"
                        + (recordedBy == null ? "" : " AND last_recorded_at <= ?")
                        + (storedWithDeliveries ? " AND deliveries IS NOT NULL" : "")
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
        List<NetworkSnapshot> read = jdbc.query("SELECT state, " + (withDeliveries ? "deliveries" : "NULL")
                        + " FROM as_of_snapshot WHERE fold_version = ? AND global_index = ?",
                (row, index) -> decode(row.getBytes(1), row.getBytes(2)), version, position);
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
     * Stores {@code snapshot}, with its deliveries if {@code withDeliveries} (then the snapshots before it no longer
     * keep theirs: only the latest is read for them), and what it says about the events it folded since an earlier
     * position ({@link #toRead}).
     */
    void save(NetworkSnapshot snapshot, boolean withDeliveries, RecordedSince since) {
        byte[] deliveries = withDeliveries && snapshot.services().holdsDeliveries() ? encodeDeliveries(snapshot)
                : null;
        // Another node may have taken the same one (the same, but perhaps stored without its deliveries).
        jdbc.update("""
                INSERT INTO as_of_snapshot (fold_version, global_index, last_recorded_at, events_read, state,
                deliveries, since_index, earliest_recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (fold_version, global_index) DO UPDATE
                SET deliveries = coalesce(as_of_snapshot.deliveries, excluded.deliveries)""",
                version, snapshot.globalIndex(), Timestamp.from(snapshot.lastRecordedAt()), snapshot.eventsRead(),
                encode(snapshot), deliveries, since.sinceIndex(),
                since.earliestRecordedAt() == null ? null : Timestamp.from(since.earliestRecordedAt()));
        if (deliveries != null) {
            jdbc.update("""
                    UPDATE as_of_snapshot SET deliveries = NULL
                    WHERE fold_version = ? AND global_index < ? AND deliveries IS NOT NULL""",
                    version, snapshot.globalIndex());
        }
        // Taken here, it is the one the next answers start from: no need to read it back.
        keep(snapshot);
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

    /** Drops the snapshots of other fold versions: none will be read again. How many. */
    int dropOtherVersions() {
        return jdbc.update("DELETE FROM as_of_snapshot WHERE fold_version <> ?", version);
    }

    private byte[] encode(NetworkSnapshot snapshot) {
        return deflate(out -> {
            out.writeLong(snapshot.globalIndex());
            writeInstant(out, snapshot.lastRecordedAt());
            out.writeLong(snapshot.eventsRead());
            out.writeLong(snapshot.lastUndatedIndex() == null ? -1 : snapshot.lastUndatedIndex());
            writeBytes(out, mapper.writeValueAsBytes(snapshot.units()));
            out.writeInt(snapshot.datedEvents().size());
            for (NetworkSnapshot.DatedEvent dated : snapshot.datedEvents()) {
                out.writeLong(dated.globalIndex());
                out.writeUTF(dated.event().getClass().getName());
                writeBytes(out, mapper.writeValueAsBytes(dated.event()));
            }
            // The names once, then each key as their numbers, then its figures.
            Map<String, Integer> names = new HashMap<>();
            List<String> nameList = new ArrayList<>();
            for (ServiceTallies.Key key : snapshot.services().figures().keySet()) {
                for (String name : new String[]{key.stationId(), key.district(), key.projectCode(),
                        key.projectName(), key.month()}) {
                    if (name != null && names.putIfAbsent(name, names.size()) == null) {
                        nameList.add(name);
                    }
                }
            }
            out.writeInt(nameList.size());
            for (String name : nameList) {
                out.writeUTF(name);
            }
            out.writeInt(snapshot.services().figures().size());
            for (Map.Entry<ServiceTallies.Key, ServiceFigures> tally : snapshot.services().figures().entrySet()) {
                ServiceTallies.Key key = tally.getKey();
                for (String name : new String[]{key.stationId(), key.district(), key.projectCode(),
                        key.projectName(), key.month()}) {
                    out.writeInt(name == null ? -1 : names.get(name));
                }
                out.writeInt(key.stationPoint() == null ? -1 : key.stationPoint().ordinal());
                ServiceFigures figures = tally.getValue();
                out.writeLong(figures.services());
                out.writeLong(figures.participants());
                out.writeLong(figures.satisfactionSum());
                out.writeLong(figures.satisfactionCount());
            }
        });
    }

    /** The deliveries, each with its key as its number in the order {@link #encode} wrote the keys. */
    private static byte[] encodeDeliveries(NetworkSnapshot snapshot) {
        Map<ServiceTallies.Key, Integer> keys = new HashMap<>();
        snapshot.services().figures().keySet().forEach(key -> keys.put(key, keys.size()));
        return deflate(out -> {
            for (List<ServiceTallies.Delivery> month : snapshot.services().deliveriesByMonth().values()) {
                out.writeInt(month.size());
                for (ServiceTallies.Delivery delivery : month) {
                    out.writeInt(keys.get(delivery.key()));
                    writeInstant(out, delivery.deliveredAt());
                    out.writeLong(delivery.figures().participants());
                    out.writeLong(delivery.figures().satisfactionSum());
                    out.writeLong(delivery.figures().satisfactionCount());
                }
            }
            out.writeInt(-1);
        });
    }

    /** The snapshot in {@code state}, with the deliveries in {@code deliveries} (null: without). */
    private NetworkSnapshot decode(byte[] state, byte[] deliveries) {
        return inflate(state, in -> {
            long globalIndex = in.readLong();
            Instant lastRecordedAt = readInstant(in);
            long eventsRead = in.readLong();
            long lastUndated = in.readLong();
            List<UnitState> units = mapper.readValue(readBytes(in), unitList);
            int datedCount = in.readInt();
            List<NetworkSnapshot.DatedEvent> dated = new ArrayList<>(datedCount);
            for (int i = 0; i < datedCount; i++) {
                long position = in.readLong();
                Class<?> type = eventType(in.readUTF());
                dated.add(new NetworkSnapshot.DatedEvent(position, mapper.readValue(readBytes(in), type)));
            }
            String[] names = new String[in.readInt()];
            for (int i = 0; i < names.length; i++) {
                names[i] = in.readUTF();
            }
            StationPoint[] points = StationPoint.values();
            ServiceTallies.Key[] keys = new ServiceTallies.Key[in.readInt()];
            Map<ServiceTallies.Key, ServiceFigures> figures = new HashMap<>(keys.length * 4 / 3 + 1);
            for (int i = 0; i < keys.length; i++) {
                String stationId = name(names, in.readInt());
                String district = name(names, in.readInt());
                String projectCode = name(names, in.readInt());
                String projectName = name(names, in.readInt());
                String month = name(names, in.readInt());
                int point = in.readInt();
                keys[i] = new ServiceTallies.Key(stationId, district, point < 0 ? null : points[point], projectCode,
                        projectName, month);
                figures.put(keys[i], new ServiceFigures(in.readLong(), in.readLong(), in.readLong(), in.readLong()));
            }
            return new NetworkSnapshot(globalIndex, lastRecordedAt, eventsRead, lastUndated < 0 ? null : lastUndated,
                    List.copyOf(units), new ServiceTallies(figures, deliveries == null ? null
                    : decodeDeliveries(deliveries, keys)), List.copyOf(dated));
        });
    }

    private static String name(String[] names, int index) {
        return index < 0 ? null : names[index];
    }

    private Class<?> eventType(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            // The fold's version covers the event types it reads: a type gone is a version gone.
            throw new IllegalStateException("a snapshot of version " + version + " holds an unknown event type", e);
        }
    }

    private static Map<String, List<ServiceTallies.Delivery>> decodeDeliveries(byte[] deliveries,
                                                                              ServiceTallies.Key[] keys) {
        Map<String, List<ServiceTallies.Delivery>> byMonth = new HashMap<>();
        // One copy of each figure: a million deliveries count for a few hundred different ones.
        Map<ServiceFigures, ServiceFigures> shared = new HashMap<>();
        return inflate(deliveries, in -> {
            for (int count = in.readInt(); count >= 0; count = in.readInt()) {
                List<ServiceTallies.Delivery> month = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    ServiceTallies.Key key = keys[in.readInt()];
                    Instant deliveredAt = readInstant(in);
                    ServiceFigures figures = new ServiceFigures(1, in.readLong(), in.readLong(), in.readLong());
                    month.add(new ServiceTallies.Delivery(key, deliveredAt,
                            shared.computeIfAbsent(figures, same -> same)));
                }
                if (!month.isEmpty()) {
                    byMonth.put(month.get(0).key().month(), java.util.Collections.unmodifiableList(month));
                }
            }
            return byMonth;
        });
    }

    private interface Writing {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reading<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] deflate(Writing writing) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                new DeflaterOutputStream(bytes, deflater, 1 << 16), 1 << 16))) {
            writing.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    private static <T> T inflate(byte[] bytes, Reading<T> reading) {
        Inflater inflater = new Inflater();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new InflaterInputStream(new ByteArrayInputStream(bytes), inflater, 1 << 16), 1 << 16))) {
            return reading.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            inflater.end();
        }
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        return in.readNBytes(in.readInt());
    }
}
