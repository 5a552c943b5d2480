package org.familystation.query.common;

import org.familystation.platform.error.Refusal;

/** Why a query is refused. */
public final class QueryRefusals {

    public static final Refusal STATION_NOT_FOUND = Refusal.notFound("STATION_NOT_FOUND",
            "找不到家庭驿站 %s", "there is no station %s");
    public static final Refusal UNIT_NOT_FOUND = Refusal.notFound("UNIT_NOT_FOUND",
            "找不到机构 %s", "there is no organisation unit %s");
    public static final Refusal MEMBER_NOT_FOUND = Refusal.notFound("MEMBER_NOT_FOUND",
            "找不到联盟成员（或申请）%s", "there is no alliance member or application %s");
    public static final Refusal SERVICE_RECORD_NOT_FOUND = Refusal.notFound("SERVICE_RECORD_NOT_FOUND",
            "找不到服务记录 %s", "there is no service record %s");
    public static final Refusal FUND_NOT_FOUND = Refusal.notFound("FUND_NOT_FOUND",
            "找不到资金 %s", "there is no fund %s");
    public static final Refusal ALLOCATION_NOT_FOUND = Refusal.notFound("ALLOCATION_NOT_FOUND",
            "资金 %s 没有分配 %s", "fund %s has no allocation %s");
    public static final Refusal EXPENDITURE_NOT_FOUND = Refusal.notFound("EXPENDITURE_NOT_FOUND",
            "找不到支出 %s", "there is no expenditure %s");
    public static final Refusal OFFERING_NOT_FOUND = Refusal.notFound("OFFERING_NOT_FOUND",
            "找不到服务项目供给 %s", "there is no offering %s");
    public static final Refusal REFERRAL_NOT_FOUND = Refusal.notFound("REFERRAL_NOT_FOUND",
            "找不到转介 %s", "there is no referral %s");
    public static final Refusal NEEDS_SURVEY_NOT_FOUND = Refusal.notFound("NEEDS_SURVEY_NOT_FOUND",
            "找不到需求调研 %s", "there is no needs survey %s");
    public static final Refusal SOCIAL_WORKER_NOT_FOUND = Refusal.notFound("SOCIAL_WORKER_NOT_FOUND",
            "找不到社工 %s", "there is no social worker %s");
    public static final Refusal FEDERATION_STAFF_NOT_FOUND = Refusal.notFound("FEDERATION_STAFF_NOT_FOUND",
            "找不到妇女工作者 %s", "there is no federation staff member %s");
    public static final Refusal VOLUNTEER_NOT_FOUND = Refusal.notFound("VOLUNTEER_NOT_FOUND",
            "找不到志愿者 %s", "there is no volunteer %s");
    public static final Refusal PERIOD_INVALID = Refusal.invalidInput("PERIOD_INVALID",
            "时间段无效：开始时间必须早于结束时间", "the period is invalid: from must be before to");
    public static final Refusal MIN_EVENT_POSITION_INVALID = Refusal.invalidInput("MIN_EVENT_POSITION_INVALID",
            "minPosition（或请求头 X-Min-Event-Position）须为命令应答头 X-Event-Position 给出的非负整数",
            "minPosition (or the X-Min-Event-Position header) must be a non-negative whole number, as a command's"
                    + " X-Event-Position");
    public static final Refusal MIN_EVENT_POSITION_AHEAD = Refusal.invalidInput("MIN_EVENT_POSITION_AHEAD",
            "事件位置 %s 尚不存在（最新事件位置为 %s）：请使用命令应答头 X-Event-Position 给出的位置",
            "event position %s does not exist (the newest is %s): use the position a command answered in"
                    + " X-Event-Position");

    private QueryRefusals() {
    }
}
