package org.familystation.query.common;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one way this system writes CSV (RFC 4180: CRLF, fields quoted when they hold a comma, a quote or a line
 * break, quotes doubled), UTF-8 with a byte-order mark at the start, which is what makes Excel read Chinese as
 * written. Every export goes through it because every cell can hold what a user typed: text a spreadsheet would run
 * as a formula (starting with {@code = + - @}, a tab or a carriage return) is kept as text by a leading apostrophe,
 * as OWASP recommends for CSV meant for spreadsheets. Plain numbers (a negative difference) stay numbers.
 */
public final class CsvWriter {

    static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private final Writer out;

    /** Starts a CSV on {@code out} (writes the byte-order mark). */
    public CsvWriter(Writer out) throws IOException {
        this.out = out;
        out.write(BYTE_ORDER_MARK);
    }

    /** A whole CSV built in memory, for small reports. */
    public static String toText(CsvBody body) {
        try {
            StringWriter text = new StringWriter();
            body.write(new CsvWriter(text));
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the lines of a CSV. */
    @FunctionalInterface
    public interface CsvBody {
        void write(CsvWriter csv) throws IOException;
    }

    public CsvWriter row(String... fields) throws IOException {
        return row(List.of(fields));
    }

    /** One line; null fields are written empty. */
    public CsvWriter row(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(fields.get(i)));
        }
        out.write("\r\n");
        return this;
    }

    /** An empty line (between sections of a report). */
    public CsvWriter emptyRow() throws IOException {
        out.write("\r\n");
        return this;
    }

    /** A field as written: formula-escaped, then quoted when needed. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = value;
        if (FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(text).matches()) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
