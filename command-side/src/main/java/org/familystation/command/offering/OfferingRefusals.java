package org.familystation.command.offering;

import org.familystation.command.servicerecord.ServiceRecordRefusals;
import org.familystation.platform.error.Refusal;

/** Every reason an offering command is refused. */
public final class OfferingRefusals {

    public static final Refusal MEMBER_UNKNOWN = Refusal.notFound("MEMBER_UNKNOWN",
            "联盟成员 %s 不存在", "alliance member %s does not exist");
    public static final Refusal OFFERING_MEMBER_NOT_ADMITTED = Refusal.ruleViolated("OFFERING_MEMBER_NOT_ADMITTED",
            "只有已入盟的联盟成员才能提供服务项目（当前：%s）",
            "only an admitted alliance member can offer a service project (it is %s)");
    /** The same conditions as when recording a service. */
    public static final Refusal PROJECT_UNKNOWN = ServiceRecordRefusals.PROJECT_UNKNOWN;
    public static final Refusal OFFERING_STATION_NOT_OPEN = Refusal.ruleViolated("OFFERING_STATION_NOT_OPEN",
            "只能在开放中的家庭驿站提供服务项目（提供之时驿站须已开放、未暂停或关闭）",
            "a service project can only be offered at a station open at that time");
    public static final Refusal OFFERING_BEFORE_ADMISSION = Refusal.ruleViolated("OFFERING_BEFORE_ADMISSION",
            "服务项目不能早于该成员入盟（入盟于 %s，提供于 %s）",
            "a service project cannot be offered before its member was admitted (admitted %s, offered %s)");
    public static final Refusal OFFERING_STATION_POINT_NOT_ACTIVE = Refusal.ruleViolated(
            "OFFERING_STATION_POINT_NOT_ACTIVE", "该驿站的%s未开放，不能提供服务项目“%s”",
            "the station's %s point is not active, so %s cannot be offered there");
    public static final Refusal OFFERING_ALREADY_EXISTS = Refusal.conflict("OFFERING_ALREADY_EXISTS",
            "该成员已在%2$s提供服务项目“%1$s”", "the member already offers %s at %s");
    public static final Refusal PRICING_UNKNOWN = Refusal.invalidInput("PRICING_UNKNOWN",
            "收费方式“%s”未知（可选：FREE 公益（免费）、SUBSIDISED 补贴、PAID 商务（收费））",
            "pricing \"%s\" is unknown (FREE, SUBSIDISED or PAID)");
    public static final Refusal PRICE_REQUIRED = Refusal.invalidInput("PRICE_REQUIRED",
            "补贴或收费项目必须标明价格：1 到 %s 分", "a subsidised or paid offering needs a price from 1 to %s fen");
    public static final Refusal PRICE_NOT_ALLOWED_WHEN_FREE = Refusal.invalidInput("PRICE_NOT_ALLOWED_WHEN_FREE",
            "公益（免费）项目不能标价（收到：%s 分）", "a free offering has no price (got: %s fen)");
    public static final Refusal CAPACITY_INVALID = Refusal.invalidInput("CAPACITY_INVALID",
            "服务容量应为 1 到 %s 人", "the capacity is from 1 to %s people");
    public static final Refusal CAPACITY_PERIOD_UNKNOWN = Refusal.invalidInput("CAPACITY_PERIOD_UNKNOWN",
            "容量单位“%s”未知（可选：PER_SESSION 每场、PER_MONTH 每月）",
            "capacity period \"%s\" is unknown (PER_SESSION or PER_MONTH)");
    public static final Refusal SCHEDULE_TOO_LONG = Refusal.invalidInput("SCHEDULE_TOO_LONG",
            "服务时间安排不超过 %s 个字", "the schedule is at most %s characters");
    public static final Refusal OFFERING_ALREADY_WITHDRAWN = Refusal.conflict("OFFERING_ALREADY_WITHDRAWN",
            "该服务项目已撤下", "the offering is already withdrawn");
    public static final Refusal WITHDRAWAL_REASON_REQUIRED = Refusal.invalidInput("WITHDRAWAL_REASON_REQUIRED",
            "撤下服务项目时必须写明原因（不超过 %s 个字）", "withdrawing an offering needs a reason (at most %s characters)");

    private OfferingRefusals() {
    }
}
