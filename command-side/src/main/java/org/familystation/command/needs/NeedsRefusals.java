package org.familystation.command.needs;

import org.familystation.command.common.CommonRefusals;
import org.familystation.platform.error.Refusal;

/** Every reason a needs-survey command is refused. */
public final class NeedsRefusals {

    public static final Refusal HOME_UNKNOWN = Refusal.notFound("HOME_UNKNOWN",
            "妇女儿童之家 %s 不存在", "community home %s does not exist");
    public static final Refusal UNIT_NOT_A_COMMUNITY_HOME = Refusal.ruleViolated("UNIT_NOT_A_COMMUNITY_HOME",
            "%s是%s，需求调研只能记录在妇女儿童之家", "%s is a %s; needs surveys are recorded at community homes");
    public static final Refusal SURVEY_DATE_REQUIRED = Refusal.invalidInput("SURVEY_DATE_REQUIRED",
            "请填写调研日期", "say on which day the survey was held");
    public static final Refusal SURVEY_DATE_IN_FUTURE = Refusal.invalidInput("SURVEY_DATE_IN_FUTURE",
            "调研日期 %s 在将来，不能记录尚未进行的调研", "survey date %s is in the future");
    public static final Refusal CHANNEL_UNKNOWN = Refusal.invalidInput("CHANNEL_UNKNOWN",
            "调研渠道“%s”未知（可选：COMMUNITY_VISIT、FIELD_RESEARCH、WEB_PORTAL、MICROBLOG、NEW_WOMAN_APP）",
            "survey channel \"%s\" is unknown (COMMUNITY_VISIT, FIELD_RESEARCH, WEB_PORTAL, MICROBLOG or NEW_WOMAN_APP)");
    public static final Refusal RESPONDENTS_INVALID = Refusal.invalidInput("RESPONDENTS_INVALID",
            "调研人数为 1 到 %s（收到：%s）", "from one to %s people are asked in one survey (got: %s)");
    public static final Refusal NEEDS_REQUIRED = Refusal.invalidInput("NEEDS_REQUIRED",
            "请至少填写一类需求", "name at least one need category");
    public static final Refusal NEED_CATEGORY_UNKNOWN = Refusal.invalidInput("NEED_CATEGORY_UNKNOWN",
            "需求类别“%s”不在需求类别目录中", "need category \"%s\" is not in the catalogue");
    public static final Refusal NEED_CATEGORY_RETIRED = Refusal.ruleViolated("NEED_CATEGORY_RETIRED",
            "需求类别“%s”已停用", "need category \"%s\" is retired");
    public static final Refusal NEED_CATEGORY_REPEATED = Refusal.invalidInput("NEED_CATEGORY_REPEATED",
            "需求类别 %s 填写了两次", "need category %s is listed twice");
    public static final Refusal NEED_COUNT_INVALID = Refusal.invalidInput("NEED_COUNT_INVALID",
            "每类需求的人数至少为 1（收到：%s）", "each need is named by at least one respondent (got: %s)");
    public static final Refusal NEED_COUNT_ABOVE_RESPONDENTS = Refusal.invalidInput("NEED_COUNT_ABOVE_RESPONDENTS",
            "提出该类需求的人数（%s）超过了调研人数（%s）",
            "more respondents named this need (%s) than were asked (%s)");
    public static final Refusal FREE_TEXT_TOO_LONG = Refusal.invalidInput("FREE_TEXT_TOO_LONG",
            "调研记录过长（最多 %s 个字）", "the free text is too long (at most %s characters)");
    public static final Refusal SURVEY_VOIDED = Refusal.conflict("SURVEY_VOIDED",
            "该需求调研已作废，不能再更正或作废", "the survey is void; it cannot be corrected or voided again");
    public static final Refusal REASON_REQUIRED = CommonRefusals.REASON_REQUIRED;
    public static final Refusal CORRECTION_CHANGES_NOTHING = Refusal.invalidInput("CORRECTION_CHANGES_NOTHING",
            "更正内容与现有记录相同", "the correction changes nothing");

    private NeedsRefusals() {
    }
}
