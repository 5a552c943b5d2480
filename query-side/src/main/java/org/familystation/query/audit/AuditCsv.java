package org.familystation.query.audit;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The audit trail as CSV (RFC 4180) for spreadsheets: a fixed column order, the UTC instant and, for people who read
 * it in Excel, the same time in the users' zone ({@code localTime}, {@code yyyy-MM-dd HH:mm:ss}). The byte-order mark
 * at the start is what makes Excel read the file as UTF-8, so Chinese shows as written.
 */
final class AuditCsv {

    static final char BYTE_ORDER_MARK = '\uFEFF';

    static final List<String> COLUMNS = List.of("globalIndex", "eventId", "timestamp", "localTime", "eventType",
            "aggregateType", "aggregateId", "sequenceNumber", "userId", "unitId", "reason", "correlationId",
            "causationId", "payload", "metadata");

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Writer out;
    private final ZoneId zone;

    AuditCsv(Writer out, ZoneId zone) throws IOException {
        this.out = out;
        this.zone = zone;
        out.write(BYTE_ORDER_MARK);
        line(COLUMNS);
    }

    void write(AuditEntry entry) throws IOException {
        line(List.of(String.valueOf(entry.globalIndex()), entry.eventId(), entry.timestamp().toString(),
                LOCAL_TIME.format(entry.timestamp().atZone(zone)), entry.eventType(), text(entry.aggregateType()),
                entry.aggregateId(), String.valueOf(entry.sequenceNumber()), text(entry.userId()),
                text(entry.unitId()), text(entry.reason()), text(entry.correlationId()), text(entry.causationId()),
                entry.payload(), entry.metadata()));
    }

    private void line(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    /**
     * A field, quoted when it holds a separator, a quote or a line break. Text a spreadsheet would run as a formula
     * (starting with {@code = + - @}, a tab or a carriage return: a reason can be anything a user typed) is kept as
     * text by a leading apostrophe, as OWASP recommends for CSV meant for spreadsheets.
     */
    static String field(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
