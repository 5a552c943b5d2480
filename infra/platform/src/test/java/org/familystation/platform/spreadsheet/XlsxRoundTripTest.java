package org.familystation.platform.spreadsheet;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What XlsxWriter writes, POI reads back typed, and XlsxRows streams back as the text an import parses. */
class XlsxRoundTripTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path folder;

    private final byte[] workbook = XlsxWriter.toBytes(SHANGHAI, xlsx -> xlsx.sheet("测试")
            .heading(List.of("文字", "整数", "小数", "金额", "日期", "时间", "时刻"), List.of("说明", "", "", "", "", "", ""))
            .row(Arrays.asList("=1+1", 42, new BigDecimal("12.50"), new XlsxWriter.Money(123_456),
                    LocalDate.of(2025, 3, 8), LocalDateTime.of(2025, 3, 8, 9, 30),
                    Instant.parse("2025-03-08T01:30:00Z")))
            .emptyRow()
            .row("第三行", null, 7));

    @Test
    void cellsKeepTheirTypes() throws IOException {
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = read.getSheet("测试");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("文字");
            assertThat(sheet.getRow(0).getCell(0).getCellComment().getString().getString()).isEqualTo("说明");
            assertThat(sheet.getRow(0).getCell(1).getCellComment()).isNull();
            var row = sheet.getRow(1);
            // What a user typed is text, never a formula.
            assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("=1+1");
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(42);
            assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(12.5);
            assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(1234.56);
            assertThat(row.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(row.getCell(4).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 3, 8, 0, 0));
            assertThat(row.getCell(5).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 3, 8, 9, 30));
            // An instant shows in the users' zone.
            assertThat(row.getCell(6).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 3, 8, 9, 30));
        }
    }

    @Test
    void rowsStreamBackAsPlainTextSkippingEmptyRows() throws Exception {
        Path file = Files.write(folder.resolve("rows.xlsx"), workbook);
        List<String> rows = new ArrayList<>();
        XlsxRows.read(file, (number, cells) -> rows.add(number + ": " + String.join("|", cells)));
        assertThat(rows).containsExactly(
                "1: 文字|整数|小数|金额|日期|时间|时刻",
                "2: =1+1|42|12.5|1234.56|2025-03-08 00:00:00|2025-03-08 09:30:00|2025-03-08 09:30:00",
                "4: 第三行||7");
    }

    @Test
    void aFileThatIsNotXlsxIsSaidToBeSo() throws IOException {
        Path text = Files.writeString(folder.resolve("fake.xlsx"), "驿站编号,驿站点\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> XlsxRows.read(text, (number, cells) -> { }))
                .isInstanceOf(XlsxRows.NotXlsxException.class);
        Path empty = Files.write(folder.resolve("empty.xlsx"), new byte[0]);
        assertThatThrownBy(() -> XlsxRows.read(empty, (number, cells) -> { }))
                .isInstanceOf(XlsxRows.NotXlsxException.class);
    }
}
