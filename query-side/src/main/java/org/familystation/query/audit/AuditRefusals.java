package org.familystation.query.audit;

import org.familystation.platform.error.Refusal;

/**
 * Why a query of the audit trail is refused. A filter the trail does not understand is refused rather than ignored:
 * an auditor who misspells {@code userId} must not receive everyone's events as if they were one user's.
 */
public final class AuditRefusals {

    public static final Refusal AUDIT_PARAMETER_UNKNOWN = Refusal.invalidInput("AUDIT_PARAMETER_UNKNOWN",
            "审计查询没有参数“%s”（可用：%s）", "the audit trail has no parameter \"%s\" (it has: %s)");
    public static final Refusal AUDIT_PARAMETER_REPEATED = Refusal.invalidInput("AUDIT_PARAMETER_REPEATED",
            "参数 %s 只能给一个值", "parameter %s takes one value");
    public static final Refusal AUDIT_EVENT_TYPE_UNKNOWN = Refusal.invalidInput("AUDIT_EVENT_TYPE_UNKNOWN",
            "没有“%s”这种事件类型（事件类型按名称给出，如 StationSuspended）",
            "there is no event type \"%s\" (event types are given by name, for example StationSuspended)");
    public static final Refusal AUDIT_TIME_INVALID = Refusal.invalidInput("AUDIT_TIME_INVALID",
            "时间“%s”无效：请给日期（2026-11-02，按用户所在时区计整天）或时刻（2026-11-02T10:00:00+08:00、2026-11-02T02:00:00Z）",
            "\"%s\" is not a time: give a day (2026-11-02, a whole day of the users' calendar) or an instant"
                    + " (2026-11-02T10:00:00+08:00, 2026-11-02T02:00:00Z)");
    public static final Refusal AUDIT_ORDER_INVALID = Refusal.invalidInput("AUDIT_ORDER_INVALID",
            "排序“%s”无效：可选 newest（最新在前，默认）或 oldest（最早在前）",
            "order \"%s\" is invalid: newest (the default) or oldest");
    public static final Refusal AUDIT_COUNT_TOO_LONG = Refusal.ruleViolated("AUDIT_COUNT_TOO_LONG",
            "所选条目太多，%s 秒内未能数完：请缩短时间段或加上筛选条件（用户、单位、事件类型），或导出后统计行数",
            "the selection is too large to count within %s s: shorten the period or add a filter (user, unit, event"
                    + " type), or export it and count its lines");

    private AuditRefusals() {
    }
}
