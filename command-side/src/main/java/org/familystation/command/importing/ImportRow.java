package org.familystation.command.importing;

import org.familystation.platform.error.DomainException;
import org.familystation.platform.input.NetworkDates;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One data row of an uploaded sheet, read cell by cell into the typed values a command carries. A cell that cannot
 * be read refuses the row with {@code IMPORT_CELL_INVALID}, naming the column as the template heads it. Times are
 * wall-clock times in the network's zone (Asia/Shanghai), as people write them; money is yuan with at most two
 * decimals, carried on as integer fen.
 */
public final class ImportRow {

    private static final Pattern SEPARATORS = Pattern.compile("[;；,，、\\n]+");
    private static final Pattern KEY_NUMBER = Pattern.compile("[:：]");

    /** yyyy-MM-dd HH:mm, seconds optional, a space or a T between (a date cell reads as yyyy-MM-dd HH:mm:ss). */
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .toFormatter();
    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral(' ').appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd().optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .toFormatter();

    private final int number;
    private final List<String> cells;
    private final List<Column> columns;
    private final NetworkDates dates;
    private final Clock clock;

    ImportRow(int number, List<String> cells, List<Column> columns, NetworkDates dates, Clock clock) {
        this.number = number;
        this.cells = cells;
        this.columns = columns;
        this.dates = dates;
        this.clock = clock;
    }

    /** The clock the row's input is read against (a time must not lie in the future), as the API's. */
    public Clock clock() {
        return clock;
    }

    /** The network's time zone, in which the row's times are written and its days begin. */
    public ZoneId zone() {
        return dates.getTimeZone();
    }

    /** The row's number in the sheet (1 is the headings). */
    public int number() {
        return number;
    }

    /** The cell's text, trimmed; null when blank. */
    public String text(int column) {
        String value = column < cells.size() ? cells.get(column) : null;
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Ids (or codes) in one cell, separated by semicolons, commas or 、; empty when blank. */
    public List<String> list(int column) {
        String value = text(column);
        return value == null ? List.of() : Arrays.stream(SEPARATORS.split(value)).map(String::strip)
                .filter(item -> !item.isEmpty()).toList();
    }

    /**
     * {@code key:whole number} pairs in one cell ({@code HOUSEKEEPING:12; FAMILY_EDUCATION:5}), separated as in
     * {@link #list}; empty when blank. A pair that is not one is refused with {@code why}.
     */
    public List<Map.Entry<String, Integer>> pairs(int column, String why, String whyEn) {
        List<Map.Entry<String, Integer>> pairs = new ArrayList<>();
        for (String pair : list(column)) {
            String[] parts = KEY_NUMBER.split(pair);
            try {
                if (parts.length != 2 || parts[0].isBlank()) {
                    throw new NumberFormatException();
                }
                pairs.add(Map.entry(parts[0].strip(), new BigDecimal(parts[1].strip()).intValueExact()));
            } catch (ArithmeticException | NumberFormatException e) {
                throw invalid(column, text(column), why, whyEn);
            }
        }
        return pairs;
    }

    /** A whole number, or null when blank. */
    public Integer integer(int column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw invalid(column, value, "应为整数", "a whole number");
        }
    }

    /** An amount in yuan with at most two decimals, as fen; null when blank. */
    public Long fen(int column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.replace(",", "").replace("¥", "").replace("￥", "").strip())
                    .movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw invalid(column, value, "应为以元计的金额，最多两位小数（如 1234.50）",
                    "an amount in yuan with at most two decimals (such as 1234.50)");
        }
    }

    /** A time (yyyy-MM-dd HH:mm) in the network's zone; null when blank. */
    public Instant time(int column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(value, TIME);
            inNetworkDates(column, value, local.toLocalDate());
            return local.atZone(dates.getTimeZone()).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(column, value, "应为 yyyy-MM-dd HH:mm 格式的北京时间（如 2025-03-08 09:30）",
                    "a time as yyyy-MM-dd HH:mm in Asia/Shanghai (such as 2025-03-08 09:30)");
        }
    }

    /** A day (yyyy-MM-dd); null when blank. */
    public LocalDate date(int column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            LocalDate day = LocalDateTime.parse(value, DATE).toLocalDate();
            inNetworkDates(column, value, day);
            return day;
        } catch (DateTimeParseException e) {
            throw invalid(column, value, "应为 yyyy-MM-dd 格式的日期（如 2025-03-08）",
                    "a date as yyyy-MM-dd (such as 2025-03-08)");
        }
    }

    /**
     * The code of one of an enumeration's values, given as its code ({@code EMOTIONAL}) or as what users see
     * ({@code 情感驿站}); null when blank. An unknown value is passed on as written, for the command's own refusal.
     */
    public <E extends Enum<E>> String code(int column, Class<E> type, Function<E, String> label) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value) || label.apply(constant).equals(value)) {
                return constant.name();
            }
        }
        return value;
    }

    /** A refusal of the row for the value in one of its cells. */
    public DomainException invalid(int column, String value, String why, String whyEn) {
        String heading = columns.get(column).heading();
        return DomainException.refuseField(ImportRefusals.CELL_INVALID, heading, heading, value, why, whyEn);
    }

    private void inNetworkDates(int column, String value, LocalDate day) {
        if (!dates.allows(day)) {
            throw invalid(column, value, "日期应在 " + dates.getEarliestDate() + " 至 " + dates.getLatestDate() + " 之间",
                    "the date must lie between " + dates.getEarliestDate() + " and " + dates.getLatestDate());
        }
    }
}
