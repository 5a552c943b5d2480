package org.familystation.query.asof;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.familystation.query.common.QueryProperties;
import org.familystation.query.network.UnitState;
import org.familystation.query.servicerecord.ServiceRecordState;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The snapshots of the network fold ({@link NetworkSnapshot}) in {@code as_of_snapshot}: JSON through the event
 * serializer's mapper (so events are written as the store writes them), gzipped. Only snapshots of this
 * {@link NetworkFold#VERSION} are read. The latest snapshot, and the last other one read, are kept decoded (with their
 * service tallies, {@link ServiceTallies}): answers as of recent dates all start
 * from the latest one, and decoding is most of what loading costs.
 */
@Component
public class NetworkSnapshots {

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;
    private final String version;
    private final ZoneId zone;
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
        this.version = NetworkFold.VERSION;
        this.zone = properties.getTimeZone();
    }

    /**
     * The latest snapshot at or below {@code upTo} (null: any) whose events were all recorded by {@code recordedBy}
     * (null: whenever).
     */
    Optional<NetworkSnapshot> latest(Long upTo, Instant recordedBy) {
        List<Long> positions = recordedBy == null
                ? jdbc.queryForList("""
                        SELECT global_index FROM as_of_snapshot WHERE fold_version = ? AND global_index <= ?
                        ORDER BY global_index DESC LIMIT 1""", Long.class, version,
                        upTo == null ? Long.MAX_VALUE : upTo)
                : jdbc.queryForList("""
                        SELECT global_index FROM as_of_snapshot
                        WHERE fold_version = ? AND global_index <= ? AND last_recorded_at <= ?
                        ORDER BY global_index DESC LIMIT 1""", Long.class, version,
                        upTo == null ? Long.MAX_VALUE : upTo, Timestamp.from(recordedBy));
        if (positions.isEmpty()) {
            return Optional.empty();
        }
        long position = positions.get(0);
        for (NetworkSnapshot kept : new NetworkSnapshot[]{latest, lastOther}) {
            if (kept != null && kept.globalIndex() == position) {
                return Optional.of(kept);
            }
        }
        List<byte[]> states = jdbc.queryForList("SELECT state FROM as_of_snapshot WHERE fold_version = ? AND global_index = ?",
                byte[].class, version, position);
        if (states.isEmpty()) {
            return Optional.empty(); // dropped in between
        }
        NetworkSnapshot snapshot = decode(states.get(0));
        keep(snapshot);
        return Optional.of(snapshot);
    }

    /** The position of the latest snapshot of this version; -1 if none. */
    long latestPosition() {
        Long position = jdbc.queryForObject("SELECT max(global_index) FROM as_of_snapshot WHERE fold_version = ?",
                Long.class, version);
        return position == null ? -1 : position;
    }

    void save(NetworkSnapshot snapshot) {
        // Another node may have taken the same one.
        jdbc.update("""
                INSERT INTO as_of_snapshot (fold_version, global_index, last_recorded_at, events_read, state)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", version, snapshot.globalIndex(),
                Timestamp.from(snapshot.lastRecordedAt()), snapshot.eventsRead(), encode(snapshot));
        // Taken here, it is the one the next answers start from: no need to read it back.
        keep(snapshot);
    }

    private synchronized void keep(NetworkSnapshot snapshot) {
        NetworkSnapshot kept = latest;
        if (kept == null || snapshot.globalIndex() >= kept.globalIndex()) {
            latest = snapshot;
        } else {
            lastOther = snapshot;
        }
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            mapper.writeValue(out, new Stored(snapshot.globalIndex(), snapshot.lastRecordedAt(),
                    snapshot.eventsRead(), snapshot.lastUndatedIndex(), snapshot.units(),
                    List.copyOf(snapshot.services().records()),
                    snapshot.datedEvents().stream().map(dated -> new StoredEvent(dated.globalIndex(),
                            dated.event().getClass().getName(), json(dated.event()))).toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private NetworkSnapshot decode(byte[] state) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(state), 1 << 16)) {
            Stored stored = mapper.readValue(in, Stored.class);
            List<NetworkSnapshot.DatedEvent> dated = new java.util.ArrayList<>(stored.datedEvents().size());
            for (StoredEvent event : stored.datedEvents()) {
                dated.add(new NetworkSnapshot.DatedEvent(event.globalIndex(),
                        mapper.readValue(event.event(), Class.forName(event.type()))));
            }
            return new NetworkSnapshot(stored.globalIndex(), stored.lastRecordedAt(), stored.eventsRead(),
                    stored.lastUndatedIndex(), List.copyOf(stored.units()), ServiceTallies.of(stored.services(), zone),
                    List.copyOf(dated));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            // The fold's version covers the event types it reads: a type gone is a version gone.
            throw new IllegalStateException("a snapshot of version " + version + " holds an unknown event type", e);
        }
    }

    private record Stored(long globalIndex, Instant lastRecordedAt, long eventsRead, Long lastUndatedIndex,
                          List<UnitState> units, List<ServiceRecordState> services, List<StoredEvent> datedEvents) {
    }

    /** An event as the event store writes it (a string: a tree would read instants' decimals back as doubles). */
    private record StoredEvent(long globalIndex, String type, String event) {
    }

    private String json(Object event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
