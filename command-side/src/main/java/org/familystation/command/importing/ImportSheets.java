package org.familystation.command.importing;

import org.familystation.command.importing.ImportJob.Outcome;
import org.familystation.command.importing.ImportJob.Progress;
import org.familystation.command.importing.ImportJob.RowResult;
import org.familystation.platform.spreadsheet.XlsxWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.List;

/** The workbooks of an import: the template a kind is filled in on, and the row-by-row report of a job. */
final class ImportSheets {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private ImportSheets() {
    }

    /**
     * The template: the headings the upload must have (each with a note on what it expects), and a second sheet
     * that says the same for people who do not point at cells.
     */
    static byte[] template(ImportKind kind, ZoneId zone) {
        List<Column> columns = kind.rows().columns();
        return XlsxWriter.toBytes(zone, xlsx -> {
            xlsx.sheet(kind.label())
                    .heading(columns.stream().map(Column::heading).toList(),
                            columns.stream().map(Column::note).toList());
            xlsx.sheet("填写说明").heading(List.of("列", "填写说明"));
            for (Column column : columns) {
                xlsx.row(column.heading(), column.note());
            }
            xlsx.emptyRow()
                    .row("时间", "北京时间（Asia/Shanghai），yyyy-MM-dd HH:mm；也可用 Excel 的日期时间单元格")
                    .row("金额", "以元计，最多两位小数；系统按分记账")
                    .row("第一行", "列标题须与模板一致，请勿增删或改名；从第二行起每行一条记录")
                    .row("重复导入", "同一文件再次导入时，已记录的行不会重复记录");
        });
    }

    /** The report: one line per row done, with the outcome, the new id or the refusal. */
    static void report(Progress progress, List<RowResult> rows, ZoneId zone, OutputStream out) throws IOException {
        try (XlsxWriter xlsx = new XlsxWriter(zone)) {
            xlsx.sheet("导入报告").heading(List.of("行号", "结果", "编号", "代码", "列或字段", "说明"));
            for (RowResult row : rows) {
                xlsx.row(row.row(), label(row.outcome()), row.id(), row.code(), row.field(), row.detail());
            }
            xlsx.sheet("汇总").heading(List.of("项目", "值"))
                    .row("导入内容", progress.kindLabel())
                    .row("文件", progress.fileName())
                    .row("状态", progress.status().name())
                    .row("总行数", progress.total())
                    .row("已处理", progress.done())
                    .row("已记录", progress.accepted())
                    .row("此前已记录", progress.alreadyRecorded())
                    .row("被拒绝", progress.refused())
                    .row("开始时间", progress.startedAt())
                    .row("结束时间", progress.finishedAt());
            xlsx.writeTo(out);
        }
    }

    static String label(Outcome outcome) {
        return switch (outcome) {
            case ACCEPTED -> "已记录";
            case ALREADY_RECORDED -> "此前已记录";
            case REFUSED -> "被拒绝";
        };
    }
}
