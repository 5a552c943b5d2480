package org.familystation.platform.spreadsheet;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * The one way this system writes .xlsx (the spreadsheet beside {@code CsvWriter}'s CSV): streamed through POI's
 * SXSSF, so only a window of rows is in memory however long the export. Cells keep their type: numbers are numbers,
 * money ({@link Money}) is yuan with two decimals, dates and times are dates (instants shown in the users' zone), and
 * text is always a text cell, which a spreadsheet never runs as a formula whatever a user typed.
 */
public final class XlsxWriter implements Closeable {

    /** Rows kept in memory before they are flushed to the temporary file. */
    private static final int WINDOW = 200;
    private static final int DEFAULT_COLUMN_WIDTH = 18;
    /** Excel's limit on a cell's text. */
    private static final int MAX_CELL_TEXT = 32_767;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final ZoneId zone;
    private final CellStyle heading;
    private final CellStyle date;
    private final CellStyle dateTime;
    private final CellStyle money;
    private SXSSFSheet sheet;
    private Drawing<?> drawing;
    private int nextRow;

    /** @param zone the zone instants are shown in (the users' zone) */
    public XlsxWriter(ZoneId zone) {
        this.zone = zone;
        workbook.setCompressTempFiles(true);
        CreationHelper formats = workbook.getCreationHelper();
        Font bold = workbook.createFont();
        bold.setBold(true);
        heading = workbook.createCellStyle();
        heading.setFont(bold);
        heading.setBorderBottom(BorderStyle.THIN);
        date = workbook.createCellStyle();
        date.setDataFormat(formats.createDataFormat().getFormat("yyyy-mm-dd"));
        dateTime = workbook.createCellStyle();
        dateTime.setDataFormat(formats.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        money = workbook.createCellStyle();
        money.setDataFormat(formats.createDataFormat().getFormat("#,##0.00"));
    }

    /** An amount of money in fen, written as yuan with two decimals (a number a spreadsheet can add up). */
    public record Money(long fen) {
    }

    /** A whole workbook built in memory, for small ones (a template, an evaluation). */
    public static byte[] toBytes(ZoneId zone, Body body) {
        try (XlsxWriter xlsx = new XlsxWriter(zone)) {
            body.write(xlsx);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            xlsx.writeTo(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the rows of a workbook. */
    @FunctionalInterface
    public interface Body {
        void write(XlsxWriter xlsx) throws IOException;
    }

    /** Starts a new sheet; the rows that follow go into it. */
    public XlsxWriter sheet(String name) {
        sheet = workbook.createSheet(name);
        sheet.setDefaultColumnWidth(DEFAULT_COLUMN_WIDTH);
        drawing = null;
        nextRow = 0;
        return this;
    }

    /** A heading line (bold), frozen above the rows when it is the sheet's first. */
    public XlsxWriter heading(List<String> headings) {
        boolean first = nextRow == 0;
        SXSSFRow row = newRow();
        for (int i = 0; i < headings.size(); i++) {
            SXSSFCell cell = row.createCell(i);
            cell.setCellValue(headings.get(i));
            cell.setCellStyle(heading);
        }
        if (first) {
            sheet.createFreezePane(0, 1);
        }
        return this;
    }

    /**
     * A heading line whose cells carry a note each (a comment shown when the cell is pointed at), for what the
     * column expects; a blank note adds none.
     */
    public XlsxWriter heading(List<String> headings, List<String> notes) {
        int rowIndex = nextRow;
        heading(headings);
        if (drawing == null) {
            drawing = sheet.createDrawingPatriarch();
        }
        CreationHelper helper = workbook.getCreationHelper();
        for (int i = 0; i < notes.size(); i++) {
            if (notes.get(i) == null || notes.get(i).isBlank()) {
                continue;
            }
            ClientAnchor anchor = helper.createClientAnchor();
            anchor.setCol1(i);
            anchor.setCol2(i + 3);
            anchor.setRow1(rowIndex);
            anchor.setRow2(rowIndex + 4);
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(helper.createRichTextString(notes.get(i)));
            sheet.getRow(rowIndex).getCell(i).setCellComment(comment);
        }
        return this;
    }

    public XlsxWriter row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    /**
     * One line. A cell is written by its value's type: null blank, {@link Number} a number, {@link Money} yuan,
     * {@link LocalDate} a date, {@link LocalDateTime} and {@link Instant} a date and time, anything else its text.
     */
    public XlsxWriter row(List<?> cells) {
        SXSSFRow row = newRow();
        for (int i = 0; i < cells.size(); i++) {
            Object value = cells.get(i);
            if (value == null) {
                continue;
            }
            SXSSFCell cell = row.createCell(i);
            if (value instanceof Money amount) {
                cell.setCellValue(BigDecimal.valueOf(amount.fen()).movePointLeft(2).doubleValue());
                cell.setCellStyle(money);
            } else if (value instanceof BigDecimal decimal) {
                cell.setCellValue(decimal.doubleValue());
            } else if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof LocalDate day) {
                cell.setCellValue(day);
                cell.setCellStyle(date);
            } else if (value instanceof LocalDateTime time) {
                cell.setCellValue(time);
                cell.setCellStyle(dateTime);
            } else if (value instanceof Instant instant) {
                cell.setCellValue(LocalDateTime.ofInstant(instant, zone));
                cell.setCellStyle(dateTime);
            } else {
                String text = value.toString();
                cell.setCellValue(text.length() > MAX_CELL_TEXT ? text.substring(0, MAX_CELL_TEXT) : text);
            }
        }
        return this;
    }

    /** An empty line (between sections of a report). */
    public XlsxWriter emptyRow() {
        newRow();
        return this;
    }

    /** Writes the workbook; call once, at the end. */
    public void writeTo(OutputStream out) throws IOException {
        workbook.write(out);
    }

    /** Deletes the temporary files the streamed rows were kept in. */
    @Override
    public void close() throws IOException {
        workbook.dispose();
        workbook.close();
    }

    private SXSSFRow newRow() {
        if (sheet == null) {
            sheet("Sheet1");
        }
        return sheet.createRow(nextRow++);
    }
}
