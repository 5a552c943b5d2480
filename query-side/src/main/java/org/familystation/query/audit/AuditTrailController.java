package org.familystation.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.personaldata.PersonalDataProtection;
import org.familystation.platform.spreadsheet.XlsxWriter;
import org.familystation.query.common.PageOf;
import org.familystation.query.common.PagedQuery;
import org.familystation.query.common.Paging;
import org.familystation.query.common.QueryProperties;
import org.familystation.query.reach.Reach;
import org.familystation.query.reach.Reaches;
import org.postgresql.PGStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * The audit trail: who did what, when and why, across the whole network, filtered by entity, user, unit, event
 * type, request and period in any combination; as pages, or exported whole as CSV or JSON Lines. ADMIN and AUDITOR
 * only (SecurityConfiguration): reasons can be personal data.
 */
@RestController
public class AuditTrailController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final Logger log = LoggerFactory.getLogger(AuditTrailController.class);

    /** What auditors read: the trail's rows joined to the store's (migration V2026.12.05.30, {@link AuditEntries}). */
    private static final String ENTRIES = "rm_audit_entry";

    /** PostgreSQL's SQLSTATE for a statement cancelled by its {@code statement_timeout} (query_canceled). */
    private static final String STATEMENT_TIMED_OUT = "57014";

    /** Rows fetched from PostgreSQL at a time while exporting: a cursor, never the whole selection in memory. */
    private static final int EXPORT_FETCH_SIZE = 1000;
    /** Bytes (or characters) collected before they are sent. */
    private static final int BUFFER = 64 * 1024;

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate exportJdbc;
    private final TransactionTemplate exportTransaction;
    private final TransactionTemplate countTransaction;
    private final AuditEventTypes types;
    private final QueryProperties properties;
    private final ObjectWriter jsonLine;
    private final AuditEntries entries;
    private final Reaches reaches;

    public AuditTrailController(NamedParameterJdbcTemplate jdbc, DataSource dataSource,
                                PlatformTransactionManager transactions, AuditEventTypes types,
                                QueryProperties properties, ObjectMapper objectMapper,
                                @Qualifier("eventSerializer") Serializer serializer,
                                org.axonframework.config.Configuration axon, EventSchema schema,
                                PersonalDataProtection protection, Reaches reaches) {
        this.jdbc = jdbc;
        this.entries = new AuditEntries(schema, serializer, axon.upcasterChain(), protection);
        this.reaches = reaches;
        JdbcTemplate cursor = new JdbcTemplate(dataSource) {
            /**
             * The store's payloads and metadata are bytes, which PostgreSQL's text format sends as hex, twice their
             * size, for the driver to decode again (a seventh of an export's CPU): read in the binary format instead.
             */
            @Override
            protected void applyStatementSettings(Statement statement) throws SQLException {
                super.applyStatementSettings(statement);
                statement.unwrap(PGStatement.class).setPrepareThreshold(-1); // -1: binary from the first execution
            }
        };
        cursor.setFetchSize(EXPORT_FETCH_SIZE);
        this.exportJdbc = new NamedParameterJdbcTemplate(cursor);
        // PostgreSQL's driver reads with a cursor (fetch size) only inside a transaction.
        this.exportTransaction = new TransactionTemplate(transactions);
        this.exportTransaction.setReadOnly(true);
        this.countTransaction = new TransactionTemplate(transactions);
        this.countTransaction.setReadOnly(true);
        this.types = types;
        this.properties = properties;
        this.jsonLine = objectMapper.writerFor(AuditEntry.class);
    }

    /**
     * A page of the trail, newest first unless {@code order=oldest}. Its total is counted up to
     * {@link PagedQuery#COUNT_CAP} entries past the page's start and given as "at least" beyond
     * ({@code totalExact: false}); {@link #count} counts a selection exactly.
     *
     * @param parameters the filters: {@code aggregateId}, {@code aggregateType}, {@code eventType} (repeated or
     *                   comma-separated: any of them), {@code userId}, {@code unitId}, {@code correlationId},
     *                   {@code from} and {@code to} (days of the users' calendar, both included, or instants, from
     *                   included and to excluded), {@code order}
     */
    @GetMapping("/api/audit/events")
    public PageOf<AuditEntry> events(@RequestParam MultiValueMap<String, String> parameters,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "20") int size) {
        AuditQuery query = query(parameters, List.of("page", "size"));
        Paging paging = Paging.of(page, size);
        MapSqlParameterSource sqlParameters = query.parameters();
        // The page's rows are chosen in the trail alone, and only they are joined to the store's: a page deep in the
        // trail does not join the rows it skips. The count reads the trail alone.
        String where = where(query, sqlParameters);
        String orderBy = " ORDER BY " + query.orderBy();
        return PagedQuery.page(jdbc, "SELECT * FROM " + ENTRIES + " WHERE global_index IN (SELECT global_index FROM"
                        + " rm_audit_event " + where + orderBy + " LIMIT :limit OFFSET :offset)" + orderBy,
                "SELECT 1 FROM rm_audit_event " + where, sqlParameters, paging, entries);
    }

    /**
     * How many entries a selection has, exactly (the same filters as a page; {@code order} changes nothing). It
     * visits every entry of the selection, so it runs for {@code familystation.query.audit-count-timeout} at most
     * and is refused past it (AUDIT_COUNT_TOO_LONG), rather than hold a connection for the minutes a national trail
     * would take.
     */
    @GetMapping("/api/audit/events/count")
    public AuditCount count(@RequestParam MultiValueMap<String, String> parameters) {
        AuditQuery query = query(parameters, List.of());
        MapSqlParameterSource sqlParameters = query.parameters();
        String sql = "SELECT count(*) FROM rm_audit_event " + where(query, sqlParameters);
        Duration timeout = properties.getAuditCountTimeout();
        try {
            Long total = countTransaction.execute(status -> {
                // For this transaction only: the connection goes back to the pool with the server's own setting.
                jdbc.getJdbcOperations().execute("SET LOCAL statement_timeout = " + Math.max(1, timeout.toMillis()));
                return jdbc.queryForObject(sql, sqlParameters, Long.class);
            });
            return new AuditCount(total == null ? 0 : total);
        } catch (DataAccessException failed) {
            if (failed.getMostSpecificCause() instanceof SQLException cancelled
                    && STATEMENT_TIMED_OUT.equals(cancelled.getSQLState())) {
                throw DomainException.refuse(AuditRefusals.AUDIT_COUNT_TOO_LONG,
                        BigDecimal.valueOf(timeout.toMillis(), 3).stripTrailingZeros().toPlainString());
            }
            throw failed;
        }
    }

    /** The exact number of entries of a selection. */
    public record AuditCount(long total) {
    }

    /** The whole selection as CSV, UTF-8 with a byte-order mark (for Excel), streamed as it is read. */
    @GetMapping("/api/audit/events.csv")
    public void csv(@RequestParam MultiValueMap<String, String> parameters, HttpServletResponse response)
            throws IOException {
        AuditQuery query = query(parameters, List.of());
        stream(response, "text/csv;charset=UTF-8", "csv", body -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8), BUFFER);
            AuditCsv csv = new AuditCsv(writer, properties.getTimeZone());
            export(query, csv::write);
            writer.flush();
        });
    }

    /**
     * The whole selection as an .xlsx workbook with the CSV's columns under Chinese headings, streamed: rows are
     * written to a temporary file as they are read, and the workbook is sent once the selection is read.
     */
    @GetMapping("/api/audit/events.xlsx")
    public void xlsx(@RequestParam MultiValueMap<String, String> parameters, HttpServletResponse response)
            throws IOException {
        AuditQuery query = query(parameters, List.of());
        stream(response, XLSX, "xlsx", body -> {
            try (XlsxWriter xlsx = new XlsxWriter(properties.getTimeZone())) {
                xlsx.sheet("审计追踪").heading(AuditCsv.HEADINGS);
                export(query, entry -> xlsx.row(AuditCsv.cells(entry, properties.getTimeZone())));
                OutputStream buffered = new BufferedOutputStream(body, BUFFER);
                xlsx.writeTo(buffered);
                buffered.flush();
            }
        });
    }

    /** The whole selection as JSON Lines (one entry per line, as in a page), streamed as it is read. */
    @GetMapping("/api/audit/events.jsonl")
    public void jsonLines(@RequestParam MultiValueMap<String, String> parameters, HttpServletResponse response)
            throws IOException {
        AuditQuery query = query(parameters, List.of());
        stream(response, "application/jsonl;charset=UTF-8", "jsonl", body -> {
            OutputStream buffered = new BufferedOutputStream(body, BUFFER);
            export(query, entry -> {
                buffered.write(jsonLine.writeValueAsBytes(entry));
                buffered.write('\n');
            });
            buffered.flush();
        });
    }

    private AuditQuery query(MultiValueMap<String, String> parameters, List<String> alsoAccepted) {
        return AuditQuery.of(parameters, alsoAccepted, types, properties.getTimeZone());
    }

    /**
     * Sends an export. The selection is checked before (a refusal is still a problem document). A client that stops
     * reading ends the export quietly; any other failure is the export's own: before the first bytes are out it is
     * answered as a problem, after them it is rethrown so that the container cuts the connection, and the client
     * sees a failed download rather than a complete-looking file with rows missing.
     */
    private static void stream(HttpServletResponse response, String contentType, String extension, Body body)
            throws IOException {
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-trail." + extension + "\"");
        ClientOutput client = new ClientOutput(response.getOutputStream());
        try {
            body.writeTo(client);
        } catch (IOException | RuntimeException failed) {
            if (client.failure != null) {
                log.info("Audit export ended early: the client stopped reading ({})", client.failure.toString());
                return;
            }
            if (!response.isCommitted()) {
                response.reset(); // nothing sent yet: the answer becomes the failure's problem document
            }
            throw failed;
        }
    }

    /** The response's stream, remembering whether writing to the client failed (the client went away). */
    private static final class ClientOutput extends FilterOutputStream {

        private IOException failure;

        ClientOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException failed) {
                throw failure = failed;
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                out.write(bytes, offset, length);
            } catch (IOException failed) {
                throw failure = failed;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException failed) {
                throw failure = failed;
            }
        }
    }

    /**
     * The selection's WHERE clause, limited to the events of entities in the caller's reach: below the whole
     * network, those of the stations, records, surveys, referrals, people and units in reach (network-wide
     * entities, funds included, are the whole network's).
     */
    private String where(AuditQuery query, MapSqlParameterSource parameters) {
        Reach reach = reaches.current();
        if (reach.wholeNetwork() && reach.stationSide()) {
            return query.where();
        }
        String inReach = "aggregate_id IN ("
                + "SELECT station_id FROM rm_station WHERE " + reach.units("community_home_id", parameters)
                + " UNION ALL SELECT service_record_id FROM rm_service_record WHERE "
                + reach.stations("station_id", parameters)
                + " UNION ALL SELECT survey_id FROM rm_needs_survey WHERE "
                + reach.units("community_home_id", parameters)
                + " UNION ALL SELECT referral_id FROM rm_referral WHERE "
                + reach.referrals("station_id", "centre", parameters)
                + " UNION ALL SELECT social_worker_id FROM rm_social_worker WHERE "
                + reach.stations("station_id", parameters)
                + " UNION ALL SELECT staff_id FROM rm_federation_staff WHERE " + reach.units("unit_id", parameters)
                + " UNION ALL SELECT volunteer_id FROM rm_volunteer WHERE " + reach.units("home_unit_id", parameters)
                + " UNION ALL SELECT unit_id FROM rm_org_unit WHERE " + reach.units("unit_id", parameters) + ")";
        String where = query.where();
        return where.isEmpty() ? "WHERE " + inReach : where + " AND " + inReach;
    }

    /**
     * Reads the selection through a cursor and hands each entry to the writer as it comes: memory stays flat however
     * large the export. One read-only transaction, so the export is one consistent snapshot of the trail.
     */
    private void export(AuditQuery query, EntryWriter writer) {
        MapSqlParameterSource parameters = query.parameters();
        String sql = "SELECT * FROM " + ENTRIES + " " + where(query, parameters) + " ORDER BY " + query.orderBy();
        exportTransaction.executeWithoutResult(status -> exportJdbc.query(sql, parameters, row -> {
            try {
                writer.write(entries.mapRow(row, 0));
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        }));
    }

    @FunctionalInterface
    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    @FunctionalInterface
    private interface EntryWriter {
        void write(AuditEntry entry) throws IOException;
    }
}
