package org.familystation.query.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTest {

    @Test
    void quotesWhatMustBeQuotedAndKeepsFormulasAsText() {
        assertThat(CsvWriter.cell("整改完成")).isEqualTo("整改完成");
        assertThat(CsvWriter.cell("暂停，\"两周\"")).isEqualTo("\"暂停，\"\"两周\"\"\"");
        assertThat(CsvWriter.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvWriter.cell("第一行\n第二行")).isEqualTo("\"第一行\n第二行\"");
        assertThat(CsvWriter.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvWriter.cell("+1")).isEqualTo("'+1");
        assertThat(CsvWriter.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvWriter.cell("\r=cmd")).isEqualTo("\"'\r=cmd\"");
        assertThat(CsvWriter.cell("-2,3")).isEqualTo("\"'-2,3\"");
        assertThat(CsvWriter.cell("=HYPERLINK(\"http://x\",\"点我\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\"");
        assertThat(CsvWriter.cell("")).isEmpty();
        assertThat(CsvWriter.cell(null)).isEmpty();
    }

    @Test
    void plainNumbersStayNumbers() {
        assertThat(CsvWriter.cell("-3")).isEqualTo("-3");
        assertThat(CsvWriter.cell("-0.25")).isEqualTo("-0.25");
        assertThat(CsvWriter.cell("-3-1")).isEqualTo("'-3-1");
    }

    @Test
    void aWholeCsvStartsWithTheByteOrderMarkAndEndsLinesWithCrLf() {
        String text = CsvWriter.toText(csv -> csv.row("a", "=b").emptyRow().row("c"));
        assertThat(text).isEqualTo("\uFEFFa,'=b\r\n\r\nc\r\n");
    }
}
