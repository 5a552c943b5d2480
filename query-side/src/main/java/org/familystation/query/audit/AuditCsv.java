package org.familystation.query.audit;

import org.familystation.query.common.CsvWriter;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
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

    /** The same columns' headings in the .xlsx export, for the people who read it in Excel. */
    static final List<String> HEADINGS = List.of("全局序号", "事件编号", "时间（UTC）", "本地时间", "事件类型",
            "对象类型", "对象编号", "对象内序号", "用户", "单位", "原因", "关联编号", "起因编号", "内容", "元数据");

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final CsvWriter csv;
    private final ZoneId zone;

    AuditCsv(Writer out, ZoneId zone) throws IOException {
        this.csv = new CsvWriter(out);
        this.zone = zone;
        csv.row(COLUMNS);
    }

    void write(AuditEntry entry) throws IOException {
        csv.row(List.of(String.valueOf(entry.globalIndex()), text(entry.eventId()), entry.timestamp().toString(),
                LOCAL_TIME.format(entry.timestamp().atZone(zone)), entry.eventType(), text(entry.aggregateType()),
                entry.aggregateId(), String.valueOf(entry.sequenceNumber()), text(entry.userId()),
                text(entry.unitId()), text(entry.reason()), text(entry.correlationId()), text(entry.causationId()),
                text(entry.payload()), text(entry.metadata())));
    }

    /** An entry's cells for the .xlsx export: the CSV's columns, numbers as numbers, the local time as a date. */
    static List<Object> cells(AuditEntry entry, ZoneId zone) {
        return Arrays.asList(entry.globalIndex(), entry.eventId(), entry.timestamp().toString(),
                entry.timestamp().atZone(zone).toLocalDateTime(), entry.eventType(), entry.aggregateType(),
                entry.aggregateId(), entry.sequenceNumber(), entry.userId(), entry.unitId(), entry.reason(),
                entry.correlationId(), entry.causationId(), entry.payload(), entry.metadata());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
