package org.familystation.benchmark;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The machine's own ceiling: raw JDBC inserts of rows shaped like Axon's domain_event_entry (same columns, types,
 * unique keys and payload sizes as the application's ServiceRecorded events) into a scratch table of the same
 * PostgreSQL. Everything the application does per event is compared with these figures.
 */
final class Ceiling {

    /** A scratch twin of domain_event_entry (V2026.11.29.1__axon_event_store.sql). */
    private static final String TABLE = """
            CREATE TABLE bench_ceiling_event (
                global_index         BIGSERIAL    NOT NULL PRIMARY KEY,
                aggregate_identifier VARCHAR(255) NOT NULL,
                sequence_number      BIGINT       NOT NULL,
                type                 VARCHAR(255),
                event_identifier     VARCHAR(255) NOT NULL UNIQUE,
                meta_data            BYTEA,
                payload              BYTEA        NOT NULL,
                payload_revision     VARCHAR(255),
                payload_type         VARCHAR(255) NOT NULL,
                time_stamp           VARCHAR(255) NOT NULL,
                UNIQUE (aggregate_identifier, sequence_number)
            )""";
    private static final String INSERT = "INSERT INTO bench_ceiling_event (aggregate_identifier, sequence_number, "
            + "type, event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) "
            + "VALUES (?, 0, 'ServiceRecord', ?, ?, ?, NULL, ?, ?)";

    private final Servers servers;
    private final byte[] payload;
    private final byte[] metadata;
    private final String payloadType;

    /** Payload and metadata like the application's own ServiceRecorded event (the template seeding clones). */
    Ceiling(Servers servers, byte[] payload, byte[] metadata, String payloadType) {
        this.servers = servers;
        this.payload = payload;
        this.metadata = metadata;
        this.payloadType = payloadType;
    }

    Map<String, Object> measure(int seconds) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        try (Connection connection = servers.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_ceiling_event");
            statement.execute(TABLE);
        }
        for (int clients : new int[] {1, 8, 32}) {
            result.put("oneRowPerTx_c" + clients, run(clients, 1, seconds));
        }
        result.put("hundredRowsPerTx_c4", run(4, 100, seconds));
        result.put("payloadBytes", payload.length);
        result.put("metadataBytes", metadata.length);
        try (Connection connection = servers.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE bench_ceiling_event");
        }
        return result;
    }

    /** Rows per second with {@code clients} connections each committing {@code rowsPerTx} rows at a time. */
    private double run(int clients, int rowsPerTx, int seconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong rows = new AtomicLong();
        AtomicBoolean measuring = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                try (Connection connection = servers.connect();
                     PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    connection.setAutoCommit(rowsPerTx == 1);
                    while (!stop.get()) {
                        for (int r = 0; r < rowsPerTx; r++) {
                            bind(insert);
                            if (rowsPerTx == 1) {
                                insert.executeUpdate();
                            } else {
                                insert.addBatch();
                            }
                        }
                        if (rowsPerTx > 1) {
                            insert.executeBatch();
                            connection.commit();
                        }
                        if (measuring.get()) {
                            rows.addAndGet(rowsPerTx);
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "ceiling-" + c);
            threads.add(thread);
            thread.start();
        }
        Thread.sleep(1_000); // warm-up: connections, plans
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1_000L);
        long counted = rows.get();
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("ceiling inserts failed", failures.get(0));
        }
        return Math.round(counted / elapsed);
    }

    private void bind(PreparedStatement insert) throws SQLException {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, UUID.randomUUID().toString());
        insert.setBytes(3, metadata);
        insert.setBytes(4, payload);
        insert.setString(5, payloadType);
        insert.setString(6, Seeder.storedTimestamp(java.time.Instant.now())); // as the event store stores it
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
