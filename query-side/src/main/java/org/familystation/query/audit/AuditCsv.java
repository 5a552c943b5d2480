package org.familystation.query.audit;

import org.familystation.query.common.CsvWriter;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The audit trail as CSV (RFC 4180) for spreadsheets: a fixed column order, the UTC instant and, for people who read
 * it in Excel, the same time in the users' zone ({@code localTime}, {@code yyyy-MM-dd HH:mm:ss}). Written by
 * {@link CsvWriter}, which escapes what a user typed (a reason can be anything).
 */
final class AuditCsv {

    static final List<String> COLUMNS = List.of("globalIndex", "eventId", "timestamp", "localTime", "eventType",
            "aggregateType", "aggregateId", "sequenceNumber", "userId", "unitId", "reason", "correlationId",
            "causationId", "payload", "metadata");

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final CsvWriter csv;
    private final ZoneId zone;

    AuditCsv(Writer out, ZoneId zone) throws IOException {
        this.csv = new CsvWriter(out);
        this.zone = zone;
        csv.row(COLUMNS);
    }

    void write(AuditEntry entry) throws IOException {
        csv.row(List.of(String.valueOf(entry.globalIndex()), entry.eventId(), entry.timestamp().toString(),
                LOCAL_TIME.format(entry.timestamp().atZone(zone)), entry.eventType(), text(entry.aggregateType()),
                entry.aggregateId(), String.valueOf(entry.sequenceNumber()), text(entry.userId()),
                text(entry.unitId()), text(entry.reason()), text(entry.correlationId()), text(entry.causationId()),
                entry.payload(), entry.metadata()));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
