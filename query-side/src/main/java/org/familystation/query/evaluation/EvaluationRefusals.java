package org.familystation.query.evaluation;

import org.familystation.platform.error.Refusal;

/** Why an evaluation is refused (besides {@code PERIOD_INVALID}, from after to, and {@code INVALID_PARAMETER}). */
public final class EvaluationRefusals {

    public static final Refusal PERIOD_REQUIRED = Refusal.invalidInput("EVALUATION_PERIOD_REQUIRED",
            "请给出评估时段：from 和 to 两个日期，或 period（年 2026、季度 2026-Q1、月 2026-03）",
            "give the period: both from and to (dates), or period (a year 2026, a quarter 2026-Q1, a month 2026-03)");
    public static final Refusal PERIOD_CONFLICT = Refusal.invalidInput("EVALUATION_PERIOD_CONFLICT",
            "from/to 与 period 只能给出一种", "give either from and to, or period, not both");
    public static final Refusal PERIOD_UNREADABLE = Refusal.invalidInput("EVALUATION_PERIOD_UNREADABLE",
            "无法识别的时段“%s”：应为年（2026）、季度（2026-Q1）或月（2026-03）",
            "period \"%s\" is not a year (2026), a quarter (2026-Q1) or a month (2026-03)");
    public static final Refusal PERIOD_TOO_LONG = Refusal.invalidInput("EVALUATION_PERIOD_TOO_LONG",
            "评估时段最长 %s 天", "an evaluation period is at most %s days long");
    public static final Refusal PERIOD_NOT_STARTED = Refusal.invalidInput("EVALUATION_PERIOD_NOT_STARTED",
            "评估时段 %s 尚未开始（今天是 %s），没有可评估的数据", "the period %s has not begun (today is %s)");
    public static final Refusal COHORT_UNKNOWN = Refusal.invalidInput("EVALUATION_COHORT_UNKNOWN",
            "无法识别的评估对象“%s”：应为 all、pilot、non-pilot、demonstration 或 district:区名",
            "cohort \"%s\" is not all, pilot, non-pilot, demonstration or district:<name>");
    public static final Refusal DISTRICT_UNKNOWN = Refusal.invalidInput("EVALUATION_DISTRICT_UNKNOWN",
            "没有位于“%s”的机构", "there is no unit in district \"%s\"");
    public static final Refusal COMPARE_UNKNOWN = Refusal.invalidInput("EVALUATION_COMPARE_UNKNOWN",
            "无法识别的对比方式“%s”：应为 previous-period、none 或另一个评估对象",
            "compare \"%s\" is not previous-period, none or another cohort");
    public static final Refusal COMPARE_SAME_COHORT = Refusal.invalidInput("EVALUATION_COMPARE_SAME_COHORT",
            "对比对象与评估对象相同", "the cohort to compare with is the cohort evaluated");
    public static final Refusal FORMAT_UNKNOWN = Refusal.invalidInput("EVALUATION_FORMAT_UNKNOWN",
            "无法识别的格式“%s”：应为 json、html、csv 或 xlsx",
            "format \"%s\" is not json, html, csv or xlsx");

    private EvaluationRefusals() {
    }
}
