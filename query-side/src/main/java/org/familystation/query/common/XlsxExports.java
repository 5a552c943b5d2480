package org.familystation.query.common;

import jakarta.servlet.http.HttpServletResponse;
import org.familystation.platform.spreadsheet.XlsxWriter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Lists and dashboards as .xlsx, beside their JSON: an export is written from the very answer (or pages) the JSON
 * endpoint gives the same user with the same filters, so it can never show what the screen would not (same reach,
 * same parameters, same refusals as problem documents).
 */
@Component
public class XlsxExports {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final TransactionTemplate snapshot;
    private final ZoneId zone;

    public XlsxExports(PlatformTransactionManager transactions, QueryProperties properties) {
        // All the pages of one export read one snapshot: a row written meanwhile neither shifts a page nor shows twice.
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.zone = properties.getTimeZone();
    }

    /**
     * A whole list, read page after page of its JSON endpoint ({@code pages}: page number → page of the largest
     * size) and streamed into the workbook's temporary file as it is read, so memory stays flat however long the
     * list; the workbook is sent once the list is read. A refusal of the first page is answered as usual.
     */
    public <T> void list(HttpServletResponse response, String fileName, String sheet, List<String> headings,
                         IntFunction<PageOf<T>> pages, Function<T, List<?>> cells) throws IOException {
        try (XlsxWriter xlsx = new XlsxWriter(zone)) {
            snapshot.executeWithoutResult(status -> {
                xlsx.sheet(sheet).heading(headings);
                PageOf<T> page = pages.apply(0);
                while (true) {
                    page.items().forEach(item -> xlsx.row(cells.apply(item)));
                    if ((long) (page.page() + 1) * page.size() >= page.total() || page.items().isEmpty()) {
                        break;
                    }
                    page = pages.apply(page.page() + 1);
                }
            });
            response.setContentType(CONTENT_TYPE);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName));
            OutputStream body = new BufferedOutputStream(response.getOutputStream(), 64 * 1024);
            xlsx.writeTo(body);
            body.flush();
        }
    }

    /** A small workbook built in memory: a dashboard's tables, each on its sheet. */
    public ResponseEntity<byte[]> workbook(String fileName, XlsxWriter.Body body) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName))
                .body(XlsxWriter.toBytes(zone, body));
    }

    /** A file name that says what was exported and with which filters: 服务记录-玄武区-2026-01.xlsx. */
    public static String fileName(String what, Object... filters) {
        StringBuilder name = new StringBuilder(what);
        for (Object filter : filters) {
            if (filter != null && !filter.toString().isBlank()) {
                name.append('-').append(filter.toString().strip().replaceAll("[\\\\/:*?\"<>|]", "_"));
            }
        }
        return name.append(".xlsx").toString();
    }

    private static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
    }

}
