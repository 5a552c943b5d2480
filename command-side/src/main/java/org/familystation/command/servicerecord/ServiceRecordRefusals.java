package org.familystation.command.servicerecord;

import org.familystation.command.common.CommonRefusals;
import org.familystation.platform.error.Refusal;

/** Every reason a service record command is refused. */
public final class ServiceRecordRefusals {

    public static final Refusal STATION_NOT_OPEN = Refusal.ruleViolated("STATION_NOT_OPEN",
            "服务时间 %s 驿站未在服务中（已暂停或已关闭）",
            "the station was not open at %s (it was suspended or closed): services are delivered at open stations");
    public static final Refusal SERVICE_BEFORE_STATION_OPENED = Refusal.ruleViolated("SERVICE_BEFORE_STATION_OPENED",
            "驿站于 %s 开设，服务时间 %s 早于开设", "the station opened at %s; a service at %s precedes it");
    public static final Refusal STATION_POINT_UNKNOWN = Refusal.invalidInput("STATION_POINT_UNKNOWN",
            "驿站点“%s”未知（可选：EMOTIONAL、ENTREPRENEURSHIP、HAPPINESS、CULTURE、CONVENIENCE）",
            "station point \"%s\" is unknown (EMOTIONAL, ENTREPRENEURSHIP, HAPPINESS, CULTURE or CONVENIENCE)");
    public static final Refusal STATION_POINT_NOT_ACTIVE = Refusal.ruleViolated("STATION_POINT_NOT_ACTIVE",
            "该驿站的%s在 %s 未开放", "the station's %s point was not active at %s");
    public static final Refusal PROJECT_UNKNOWN = Refusal.invalidInput("PROJECT_UNKNOWN",
            "服务项目“%s”不在项目目录中", "service project \"%s\" is not in the catalogue");
    public static final Refusal PROJECT_NOT_AT_STATION_POINT = Refusal.ruleViolated("PROJECT_NOT_AT_STATION_POINT",
            "服务项目“%s”属于%s，不属于%s", "service project \"%s\" belongs to %s, not to %s");
    public static final Refusal PROVIDER_KIND_UNKNOWN = Refusal.invalidInput("PROVIDER_KIND_UNKNOWN",
            "服务提供方类型“%s”未知（可选：ALLIANCE_MEMBER、FEDERATION_STAFF、SOCIAL_WORKER、VOLUNTEERS）",
            "provider kind \"%s\" is unknown (ALLIANCE_MEMBER, FEDERATION_STAFF, SOCIAL_WORKER or VOLUNTEERS)");
    public static final Refusal PROVIDER_NOT_ADMITTED = Refusal.ruleViolated("PROVIDER_NOT_ADMITTED",
            "服务提供方 %s 不是已入盟的联盟成员", "provider %s is not an admitted alliance member");
    public static final Refusal PROVIDER_DOES_NOT_OFFER_PROJECT_AT_STATION = Refusal.ruleViolated(
            "PROVIDER_DOES_NOT_OFFER_PROJECT_AT_STATION", "联盟成员%s未在%s提供服务项目“%s”",
            "alliance member %1$s does not offer %3$s at %2$s");
    public static final Refusal PROVIDER_PEOPLE_REQUIRED = Refusal.invalidInput("PROVIDER_PEOPLE_REQUIRED",
            "由%s提供的服务，请选择至少一名已登记的%s", "a service delivered by %s names at least one registered %s");
    public static final Refusal PROVIDER_PEOPLE_INVALID = Refusal.invalidInput("PROVIDER_PEOPLE_INVALID",
            "服务人员名单无效：每人只列一次、编号不能为空，最多 %s 人",
            "the list of people is invalid: each person once, no blank id, at most %s people");
    public static final Refusal SOCIAL_WORKER_UNKNOWN = Refusal.ruleViolated("SOCIAL_WORKER_UNKNOWN",
            "社工 %s 未登记", "social worker %s is not registered");
    public static final Refusal SOCIAL_WORKER_NOT_AT_STATION = Refusal.ruleViolated("SOCIAL_WORKER_NOT_AT_STATION",
            "社工 %s 当前未派驻在%s", "social worker %s is not assigned to %s");
    public static final Refusal STAFF_UNKNOWN = Refusal.ruleViolated("STAFF_UNKNOWN",
            "妇女工作者 %s 未登记", "federation staff member %s is not registered");
    public static final Refusal STAFF_NOT_AT_STATION = Refusal.ruleViolated("STAFF_NOT_AT_STATION",
            "妇女工作者 %s 所在机构不负责%s（须为该驿站所在的妇女儿童之家、本区分支机构或市级机构）",
            "federation staff member %s works at a unit that does not serve %s (its community home, its district's"
                    + " branch centre or a city-level unit)");
    public static final Refusal VOLUNTEER_UNKNOWN = Refusal.ruleViolated("VOLUNTEER_UNKNOWN",
            "志愿者 %s 未登记", "volunteer %s is not registered");
    public static final Refusal VOLUNTEER_MINUTES_INVALID = Refusal.invalidInput("VOLUNTEER_MINUTES_INVALID",
            "志愿者 %s 的服务时长应为 1 到 %s 分钟的整数（收到：%s）",
            "volunteer %s's minutes are a whole number from 1 to %s (got: %s)");
    public static final Refusal DELIVERED_AT_REQUIRED = Refusal.invalidInput("DELIVERED_AT_REQUIRED",
            "请填写服务时间", "say when the service was delivered");
    public static final Refusal DELIVERED_IN_FUTURE = Refusal.invalidInput("DELIVERED_IN_FUTURE",
            "服务时间 %s 在将来，不能记录尚未发生的服务", "delivery time %s is in the future");
    public static final Refusal PARTICIPANTS_INVALID = Refusal.invalidInput("PARTICIPANTS_INVALID",
            "服务人数为 1 到 %s（收到：%s）", "from one to %s people are served in one service (got: %s)");
    public static final Refusal SATISFACTION_OUT_OF_RANGE = Refusal.invalidInput("SATISFACTION_OUT_OF_RANGE",
            "满意度应在 1 到 5 之间（收到：%s）", "satisfaction is from 1 to 5 (got: %s)");
    public static final Refusal DESCRIPTION_INVALID = Refusal.invalidInput("DESCRIPTION_INVALID",
            "服务内容不能为空，且不超过 %s 个字", "the description must not be blank and at most %s characters");
    public static final Refusal TEXT_TOO_LONG = Refusal.invalidInput("TEXT_TOO_LONG",
            "内容过长（最多 %s 个字）", "the text is too long (at most %s characters)");
    public static final Refusal SERVICE_RECORD_VOIDED = Refusal.conflict("SERVICE_RECORD_VOIDED",
            "该服务记录已作废，不能再更正或作废", "the service record is void; it cannot be corrected or voided again");
    public static final Refusal REASON_REQUIRED = CommonRefusals.REASON_REQUIRED;
    public static final Refusal CORRECTION_CHANGES_NOTHING = Refusal.invalidInput("CORRECTION_CHANGES_NOTHING",
            "更正内容与现有记录相同", "the correction changes nothing");

    private ServiceRecordRefusals() {
    }
}
