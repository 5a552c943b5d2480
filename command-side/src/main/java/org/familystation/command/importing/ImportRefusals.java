package org.familystation.command.importing;

import org.familystation.platform.error.Refusal;

/** Every reason an import, or one row of it, is refused before its command is sent. */
public final class ImportRefusals {

    public static final Refusal KIND_UNKNOWN = Refusal.notFound("IMPORT_KIND_UNKNOWN",
            "没有“%s”这种导入（可选：services、needs-surveys、volunteers、funds）",
            "there is no import of \"%s\" (services, needs-surveys, volunteers or funds)");
    public static final Refusal FILE_REQUIRED = Refusal.invalidInput("IMPORT_FILE_REQUIRED",
            "请上传一个 .xlsx 文件（表单字段 file）", "upload an .xlsx file (form field file)");
    public static final Refusal NOT_XLSX = Refusal.invalidInput("IMPORT_NOT_XLSX",
            "上传的文件不是 Excel 工作簿（.xlsx）：请用模板另存为 .xlsx 后再上传",
            "the file is not an Excel workbook (.xlsx): save it from the template as .xlsx and upload it again");
    public static final Refusal HEADINGS_MISMATCH = Refusal.invalidInput("IMPORT_HEADINGS_MISMATCH",
            "第一行的列标题与模板不符：应为 %s（收到 %s）。请下载模板，按模板的列填写",
            "the first row's headings do not match the template: expected %s (got %s); download the template");
    public static final Refusal NO_ROWS = Refusal.invalidInput("IMPORT_NO_ROWS",
            "文件在标题行之下没有数据行", "the file has no rows below its headings");
    public static final Refusal TOO_MANY_ROWS = Refusal.invalidInput("IMPORT_TOO_MANY_ROWS",
            "一次最多导入 %s 行（文件有 %s 行）：请拆分文件", "at most %s rows per import (the file has %s): split it");
    public static final Refusal JOB_UNKNOWN = Refusal.notFound("IMPORT_JOB_UNKNOWN",
            "导入任务 %s 不存在", "import job %s does not exist");
    public static final Refusal CELL_INVALID = Refusal.invalidInput("IMPORT_CELL_INVALID",
            "“%1$s”列的值“%2$s”无效：%3$s", "column \"%1$s\": value \"%2$s\" is invalid: %4$s");
    public static final Refusal FAILED = Refusal.invalidInput("IMPORT_ROW_FAILED",
            "该行未能记录（内部错误），请稍后重新导入", "the row could not be recorded (internal error); import again later");

    private ImportRefusals() {
    }
}
