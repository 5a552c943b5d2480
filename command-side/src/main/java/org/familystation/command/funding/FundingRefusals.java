package org.familystation.command.funding;

import org.familystation.command.common.CommonRefusals;
import org.familystation.platform.error.Refusal;

/** Every reason a funding command is refused. Amounts in messages are shown in yuan; the API counts in fen. */
public final class FundingRefusals {

    public static final Refusal SOURCE_UNKNOWN = Refusal.invalidInput("SOURCE_UNKNOWN",
            "资金来源“%s”未知（可选：FEDERATION_SPECIAL_FUNDS 专项经费、SOCIAL_DONATION 社会资助、"
                    + "VENTURE_PHILANTHROPY_SUBSIDY 公益创投补贴、GOVERNMENT_PURCHASE 政府购买服务、"
                    + "ASSOCIATION_FUNDRAISING 协会募集）",
            "funding source \"%s\" is unknown (FEDERATION_SPECIAL_FUNDS, SOCIAL_DONATION, "
                    + "VENTURE_PHILANTHROPY_SUBSIDY, GOVERNMENT_PURCHASE or ASSOCIATION_FUNDRAISING)");
    public static final Refusal DONOR_INVALID = Refusal.invalidInput("DONOR_INVALID",
            "请填写出资方或项目名称（不超过 %s 个字）", "name the donor or the programme (at most %s characters)");
    public static final Refusal AMOUNT_REQUIRED = Refusal.invalidInput("AMOUNT_REQUIRED",
            "请填写金额（单位：分）", "give the amount (in fen)");
    public static final Refusal AMOUNT_NOT_POSITIVE = Refusal.invalidInput("AMOUNT_NOT_POSITIVE",
            "金额必须大于零（收到：%s 分）", "the amount must be more than zero (got: %s fen)");
    public static final Refusal AMOUNT_TOO_LARGE = Refusal.invalidInput("AMOUNT_TOO_LARGE",
            "金额不能超过 %s", "the amount cannot exceed %s");
    public static final Refusal RECEIVED_AT_REQUIRED = Refusal.invalidInput("RECEIVED_AT_REQUIRED",
            "请填写到账时间", "say when the funds were received");
    public static final Refusal RECEIVED_IN_FUTURE = Refusal.invalidInput("RECEIVED_IN_FUTURE",
            "到账时间 %s 在将来", "receipt time %s is in the future");
    public static final Refusal TEXT_TOO_LONG = Refusal.invalidInput("TEXT_TOO_LONG",
            "内容过长（最多 %s 个字）", "the text is too long (at most %s characters)");
    public static final Refusal TARGET_INVALID = Refusal.invalidInput("TARGET_INVALID",
            "请指定分配对象：家庭驿站（stationId）或服务项目（projectCode），二者只选其一",
            "allocate to a station (stationId) or to a service project (projectCode): exactly one of them");
    public static final Refusal STATION_NOT_OPEN = Refusal.ruleViolated("STATION_NOT_OPEN",
            "资金只能分配给开放中的家庭驿站（分配时间 %s 驿站未开设、已暂停或已关闭）",
            "funds can only be allocated to an open station (at %s it was not yet open, suspended or closed)");
    public static final Refusal ALLOCATED_BEFORE_RECEIVED = Refusal.ruleViolated("ALLOCATED_BEFORE_RECEIVED",
            "资金于 %s 到账，分配时间 %s 不能早于到账", "the funds were received at %s; an allocation at %s cannot precede it");
    public static final Refusal SPENT_BEFORE_ALLOCATED = Refusal.ruleViolated("SPENT_BEFORE_ALLOCATED",
            "该分配于 %s 下达，支出时间 %s 不能早于分配", "the allocation was made at %s; spending at %s cannot precede it");
    public static final Refusal RELEASED_BEFORE_LAST_CHANGE = Refusal.ruleViolated("RELEASED_BEFORE_LAST_CHANGE",
            "结余退回时间 %s 不能早于该分配的分配或最后一笔支出（%s）",
            "a release at %s cannot precede the allocation or its latest expenditure (%s)");
    public static final Refusal PROJECT_UNKNOWN = Refusal.invalidInput("PROJECT_UNKNOWN",
            "服务项目“%s”不在项目目录中", "service project \"%s\" is not in the catalogue");
    public static final Refusal ALLOCATION_ID_ALREADY_USED = Refusal.conflict("ALLOCATION_ID_ALREADY_USED",
            "该笔资金已有编号为 %s 的分配，未重复分配", "the fund already has allocation %s; nothing was allocated again");
    public static final Refusal ALLOCATION_EXCEEDS_UNALLOCATED = Refusal.ruleViolated("ALLOCATION_EXCEEDS_UNALLOCATED",
            "分配金额 %s 超过该笔资金的未分配余额 %s", "the allocation of %s exceeds the fund's unallocated balance of %s");
    public static final Refusal ALLOCATION_UNKNOWN = Refusal.notFound("ALLOCATION_UNKNOWN",
            "该笔资金没有编号为 %s 的分配", "the fund has no allocation %s");
    public static final Refusal ALLOCATION_RELEASED = Refusal.conflict("ALLOCATION_RELEASED",
            "该分配已结余退回，不能再支出或退回", "the allocation was released; nothing more can be spent or released");
    public static final Refusal PURPOSE_INVALID = Refusal.invalidInput("PURPOSE_INVALID",
            "请写明支出用途（不超过 %s 个字）", "say what the money was spent on (at most %s characters)");
    public static final Refusal SPENT_AT_REQUIRED = Refusal.invalidInput("SPENT_AT_REQUIRED",
            "请填写支出时间", "say when the money was spent");
    public static final Refusal SPENT_IN_FUTURE = Refusal.invalidInput("SPENT_IN_FUTURE",
            "支出时间 %s 在将来", "expenditure time %s is in the future");
    public static final Refusal EXPENDITURE_ID_ALREADY_USED = Refusal.conflict("EXPENDITURE_ID_ALREADY_USED",
            "编号为 %s 的支出已记录，未重复记录", "expenditure %s is already recorded; nothing was recorded again");
    public static final Refusal EXPENDITURE_EXCEEDS_ALLOCATION = Refusal.ruleViolated("EXPENDITURE_EXCEEDS_ALLOCATION",
            "支出金额 %s 超过该分配的剩余金额 %s", "the expenditure of %s exceeds the allocation's remaining %s");
    public static final Refusal REASON_REQUIRED = CommonRefusals.REASON_REQUIRED;

    private FundingRefusals() {
    }
}
