package org.familystation.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.common.DateTimeUtils;
import org.familystation.events.common.TimeOrderedIds;
import org.familystation.loader.ApiClient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fast way to a history of a million events: real ServiceRecorded events, written straight into the event store
 * while the application is stopped, exactly as the application writes them.
 *
 * <p>One record is sent through the API first; its stored event (payload JSON, metadata, types, revision) is the
 * template, and every seeded event is that event with the fields of another service (its own aggregate id at
 * sequence 0, a new event id, another station, project, provider, time, text, correlation). The command side's
 * registry of service records ({@code cmd_service_record}) is written in the same transaction, as the application's
 * subscribing handler would, so later commands (corrections, hours) see the seeded records. The projections then
 * build the read models from these events, which is the replay the harness measures.
 */
final class Seeder {

    private static final int BATCH = 1_000;
    private static final int THREADS = 2;
    private static final int PROGRESS_SECONDS = 10;

    private record Template(String type, String payloadType, String revision, ObjectNode payload, ObjectNode metadata) {
    }

    private final Servers servers;
    private final World world;
    private final Template template;
    private final List<Map<String, Object>> progress = new ArrayList<>();

    private Seeder(Servers servers, World world, Template template) {
        this.servers = servers;
        this.world = world;
        this.template = template;
    }

    /** Reads the stored event of the record {@code templateRecordId} that was sent through the API. */
    static Seeder fromTemplate(Servers servers, World world, String templateRecordId) throws Exception {
        try (Connection connection = servers.connect();
             PreparedStatement select = connection.prepareStatement("SELECT type, payload_type, payload_revision, "
                     + "payload, meta_data FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0")) {
            select.setString(1, templateRecordId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no event of the template record " + templateRecordId);
                }
                return new Seeder(servers, world, new Template(row.getString(1), row.getString(2), row.getString(3),
                        (ObjectNode) ApiClient.JSON.readTree(row.getBytes(4)), (ObjectNode) ApiClient.JSON.readTree(row.getBytes(5))));
            }
        }
    }

    byte[] samplePayload() throws Exception {
        return ApiClient.JSON.writeValueAsBytes(template.payload());
    }

    byte[] sampleMetadata() throws Exception {
        return ApiClient.JSON.writeValueAsBytes(template.metadata());
    }

    String payloadType() {
        return template.payloadType();
    }

    static long eventCount(Servers servers) throws Exception {
        try (Connection connection = servers.connect(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM domain_event_entry")) {
            count.next();
            return count.getLong(1);
        }
    }

    /**
     * Adds service records until the event store holds {@code events} events; answers the events written per second.
     * Prints its progress every {@value #PROGRESS_SECONDS} s with the rate over that interval, and keeps those
     * intervals ({@link #progress()}): whether appending slows down as the table grows.
     */
    double seedUntil(long events, long seed) throws Exception {
        long already = eventCount(servers);
        long missing = events - already;
        if (missing <= 0) {
            return Double.NaN;
        }
        AtomicLong written = new AtomicLong();
        AtomicLong next = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(seed * 31 + t);
            Thread thread = new Thread(() -> {
                try (Connection connection = servers.connect()) {
                    connection.setAutoCommit(false);
                    long from;
                    while ((from = next.getAndAdd(BATCH)) < missing) {
                        int size = (int) Math.min(BATCH, missing - from);
                        writeBatch(connection, random, size);
                        connection.commit();
                        written.addAndGet(size);
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "seeder-" + t);
            threads.add(thread);
            thread.start();
        }
        long intervalStart = start;
        long intervalWritten = 0;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                thread.join(PROGRESS_SECONDS * 1_000L);
                long now = System.nanoTime();
                long total = written.get();
                if (now - intervalStart >= PROGRESS_SECONDS * 1_000_000_000L) {
                    double rate = (total - intervalWritten) / ((now - intervalStart) / 1e9);
                    Map<String, Object> step = new LinkedHashMap<>();
                    step.put("events", already + total);
                    step.put("eventsPerSecond", Math.round(rate));
                    progress.add(step);
                    System.out.printf("[seeder] %,d of %,d events (%.0f%%), %,.0f events/s over the last %d s%n",
                            already + total, events, 100.0 * (already + total) / events, rate,
                            Math.round((now - intervalStart) / 1e9));
                    intervalStart = now;
                    intervalWritten = total;
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("seeding failed", failures.get(0));
        }
        return missing / ((System.nanoTime() - start) / 1e9);
    }

    /** The intervals of the seedings so far: events in the store at the end of each and its rate. */
    List<Map<String, Object>> progress() {
        return List.copyOf(progress);
    }

    /**
     * An event's time stamp as Axon's event store writes it: to the millisecond, always three digits. The store's
     * readers compare stamps as text with an instant formatted the same way (the as-of reads' "recorded by"), so a
     * stamp of another precision ({@code Instant.toString()} gives none, three, six or nine digits) compares wrongly:
     * {@code .123456Z} counts as recorded by {@code .123Z}, a whole second's {@code 01Z} as later than {@code 01.500Z}.
     * Seeded so until 2026-12-06, when one as-of answer in recorded time differed with snapshots (which compare parsed
     * instants) from the answer without.
     */
    static String storedTimestamp(Instant instant) {
        return DateTimeUtils.formatInstant(instant);
    }

    private void writeBatch(Connection connection, Random random, int size) throws Exception {
        try (PreparedStatement event = connection.prepareStatement("INSERT INTO domain_event_entry "
                + "(aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload, payload_revision, "
                + "payload_type, time_stamp) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement registry = connection.prepareStatement("INSERT INTO cmd_service_record (service_record_id, "
                     + "station_id, station_name, district, project_code, project_name, delivered_at) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < size; i++) {
                String id = World.newId();
                World.Station station = World.pick(random, world.stations);
                Map<String, Object> body = world.record(random, station, id);
                World.Project project = world.project((String) body.get("projectCode"));
                Instant now = Instant.now();
                ObjectNode payload = payload(id, station, project, body, now);
                ObjectNode metadata = template.metadata().deepCopy();
                for (String key : List.of("correlationId", "causationId", "traceId")) {
                    if (metadata.has(key)) {
                        metadata.put(key, UUID.randomUUID().toString());
                    }
                }
                event.setString(1, id);
                event.setString(2, template.type());
                event.setString(3, TimeOrderedIds.next()); // as Axon's events get them
                event.setBytes(4, ApiClient.JSON.writeValueAsBytes(metadata));
                event.setBytes(5, ApiClient.JSON.writeValueAsBytes(payload));
                event.setString(6, template.revision());
                event.setString(7, template.payloadType());
                event.setString(8, storedTimestamp(now));
                event.addBatch();
                registry.setString(1, id);
                registry.setString(2, station.id());
                registry.setString(3, station.name());
                registry.setString(4, station.district());
                registry.setString(5, project.code());
                registry.setString(6, project.name());
                registry.setTimestamp(7, Timestamp.from(Instant.parse((String) body.get("deliveredAt"))));
                registry.addBatch();
            }
            event.executeBatch();
            registry.executeBatch();
        }
    }

    /** The template's payload with this service's values, every field in the form the template stores it in. */
    private ObjectNode payload(String id, World.Station station, World.Project project, Map<String, Object> body,
                               Instant now) {
        ObjectNode payload = template.payload().deepCopy();
        payload.put("serviceRecordId", id);
        payload.put("stationId", station.id());
        payload.put("stationName", station.name());
        payload.put("district", station.district());
        instant(payload, "recordedAt", now);
        ObjectNode details = (ObjectNode) payload.get("details");
        details.put("stationPoint", project.point());
        details.put("projectCode", project.code());
        details.put("projectName", project.name());
        instant(details, "deliveredAt", Instant.parse((String) body.get("deliveredAt")));
        details.put("participantCount", (Integer) body.get("participantCount"));
        details.put("description", (String) body.get("description"));
        details.put("outcome", (String) body.get("outcome"));
        details.put("satisfaction", (Integer) body.get("satisfaction"));
        ObjectNode provider = (ObjectNode) details.get("provider");
        provider.put("kind", (String) body.get("providerKind"));
        provider.set("socialWorkerIds", ApiClient.JSON.valueToTree(body.getOrDefault("socialWorkerIds", List.of())));
        provider.set("volunteers", ApiClient.JSON.valueToTree(body.getOrDefault("volunteers", List.of())));
        requireKnown(payload, List.of("serviceRecordId", "stationId", "stationName", "district", "details", "recordedAt"));
        return payload;
    }

    private static void instant(ObjectNode node, String field, Instant value) {
        JsonNode stored = node.get(field);
        if (stored != null && stored.isNumber()) {
            node.put(field, new java.math.BigDecimal(value.getEpochSecond() + "." + String.format("%09d", value.getNano())));
        } else {
            node.put(field, value.toString());
        }
    }

    /** The template must have the shape this class rewrites; a new field in ServiceRecorded fails the seeding loudly. */
    private static void requireKnown(ObjectNode payload, List<String> fields) {
        for (Iterator<String> names = payload.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new IllegalStateException("ServiceRecorded has a field the seeder does not fill: " + name);
            }
        }
    }
}
