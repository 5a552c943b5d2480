package org.familystation.command.people;

import org.familystation.platform.error.Refusal;

/** Every reason a command about social workers, federation staff or volunteers is refused. */
public final class PeopleRefusals {

    public static final Refusal NAME_INVALID = Refusal.invalidInput("NAME_INVALID",
            "姓名不能为空，且不超过 %s 个字", "the name must not be blank and at most %s characters");
    public static final Refusal PHONE_INVALID = Refusal.invalidInput("PHONE_INVALID",
            "电话号码“%s”无效（数字，可含空格、连字符和开头的 +）",
            "phone number \"%s\" is invalid (digits, with spaces, hyphens and a leading + allowed)");
    public static final Refusal QUALIFICATION_UNKNOWN = Refusal.invalidInput("QUALIFICATION_UNKNOWN",
            "社工职业水平“%s”未知（可选：ASSISTANT_SOCIAL_WORKER、SOCIAL_WORKER、SENIOR_SOCIAL_WORKER）",
            "qualification \"%s\" is unknown (ASSISTANT_SOCIAL_WORKER, SOCIAL_WORKER or SENIOR_SOCIAL_WORKER)");
    public static final Refusal UNIT_UNKNOWN = Refusal.notFound("UNIT_UNKNOWN",
            "机构 %s 不存在", "organisation unit %s does not exist");
    public static final Refusal NOT_HEADQUARTERS = Refusal.ruleViolated("NOT_HEADQUARTERS",
            "%s不是运营总部：社工由运营总部招募", "%s is not the operations headquarters, which recruits social workers");
    public static final Refusal STATION_NOT_OPEN = Refusal.ruleViolated("STATION_NOT_OPEN",
            "社工只能派驻到开放中的家庭驿站", "a social worker can only be assigned to an open station");
    public static final Refusal SOCIAL_WORKER_ALREADY_ASSIGNED = Refusal.conflict("SOCIAL_WORKER_ALREADY_ASSIGNED",
            "该社工已派驻在%s：一名社工同时只在一个驿站，请先解除派驻",
            "the social worker is assigned to %s; one station at a time, release them first");
    public static final Refusal SOCIAL_WORKER_NOT_ASSIGNED = Refusal.conflict("SOCIAL_WORKER_NOT_ASSIGNED",
            "该社工当前没有派驻到任何驿站", "the social worker is not assigned to a station");
    public static final Refusal REASON_REQUIRED = Refusal.invalidInput("REASON_REQUIRED",
            "请写明原因（不超过 %s 个字）", "give a reason (at most %s characters)");
    public static final Refusal VOLUNTEER_NUMBER_INVALID = Refusal.invalidInput("VOLUNTEER_NUMBER_INVALID",
            "志愿者编号“%s”无效：3 到 30 个字母、数字或连字符，以字母或数字开头",
            "volunteer number \"%s\" is invalid: 3 to 30 letters, digits or hyphens, starting with a letter or digit");
    public static final Refusal VOLUNTEER_NUMBER_TAKEN = Refusal.conflict("VOLUNTEER_NUMBER_TAKEN",
            "志愿者编号 %s 已被登记", "volunteer number %s is already registered");
    public static final Refusal MINUTES_INVALID = Refusal.invalidInput("MINUTES_INVALID",
            "志愿服务时长应为 1 到 %s 分钟的整数（收到：%s）", "minutes are a whole number from 1 to %s (got: %s)");
    public static final Refusal SERVICE_RECORD_UNKNOWN = Refusal.notFound("SERVICE_RECORD_UNKNOWN",
            "服务记录 %s 不存在", "service record %s does not exist");
    public static final Refusal SERVICE_RECORD_VOIDED = Refusal.conflict("SERVICE_RECORD_VOIDED",
            "该服务记录已作废，不能再登记志愿时长", "the service record is void; no hours can be recorded against it");
    public static final Refusal HOURS_ALREADY_RECORDED = Refusal.conflict("HOURS_ALREADY_RECORDED",
            "该志愿者在这条服务记录上的时长已登记过", "the volunteer's hours on this service record are already recorded");

    private PeopleRefusals() {
    }
}
