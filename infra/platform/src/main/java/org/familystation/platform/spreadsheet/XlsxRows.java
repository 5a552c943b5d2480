package org.familystation.platform.spreadsheet;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads the first sheet of an .xlsx row by row with POI's event API (SAX over the sheet's XML), so a file of any
 * length is never held in memory as a workbook. Cells come as text whatever their type: a number as its plain value
 * ({@code 12.5}, never {@code 1.25E1} or a thousands separator), a date or time cell as {@code yyyy-MM-dd HH:mm:ss}
 * in the wall-clock time it shows, a formula as its cached result. Empty rows are skipped.
 */
public final class XlsxRows {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private XlsxRows() {
    }

    /** Receives the rows; {@code number} is the row's number as the spreadsheet shows it (1 for the first). */
    @FunctionalInterface
    public interface RowHandler {
        void row(int number, List<String> cells);
    }

    /** The file is not an .xlsx workbook (another format, damaged, or empty). */
    public static final class NotXlsxException extends Exception {
        NotXlsxException(Throwable cause) {
            super("not an .xlsx workbook", cause);
        }
    }

    /** Streams every non-empty row of the first sheet to {@code handler}. */
    public static void read(Path file, RowHandler handler) throws NotXlsxException {
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new NotXlsxException(null);
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(handler),
                        new PlainValues(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
            if (e instanceof StopReading) {
                return;
            }
            if (e instanceof RuntimeException runtime && !isPoiFailure(runtime)) {
                throw runtime;
            }
            throw new NotXlsxException(e);
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Thrown by a handler that has read enough (the headings only, for example); ends reading quietly. */
    public static final class StopReading extends RuntimeException {
        public StopReading() {
            super(null, null, false, false);
        }
    }

    /** POI reports a damaged or foreign file with its own unchecked exceptions. */
    private static boolean isPoiFailure(RuntimeException e) {
        return e.getClass().getName().startsWith("org.apache.poi.");
    }

    private static final class Rows implements SheetContentsHandler {

        private final RowHandler handler;
        private final List<String> cells = new ArrayList<>();
        private int rowNumber;

        Rows(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            rowNumber = rowNum + 1;
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().anyMatch(cell -> cell != null && !cell.isBlank())) {
                handler.row(rowNumber, List.copyOf(cells.stream().map(cell -> cell == null ? "" : cell).toList()));
            }
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = cellReference == null ? cells.size() : new CellReference(cellReference).getCol();
            while (cells.size() < column) {
                cells.add(null);
            }
            cells.add(formattedValue);
        }
    }

    /** Numbers as their plain value and dates as ISO-like text, whatever format the cell is displayed in. */
    private static final class PlainValues extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DATE_TIME.format(DateUtil.getLocalDateTime(value, use1904, true));
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
