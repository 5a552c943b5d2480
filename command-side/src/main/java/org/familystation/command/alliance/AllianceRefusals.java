package org.familystation.command.alliance;

import org.familystation.platform.error.Refusal;

/** Every reason an alliance membership command is refused. */
public final class AllianceRefusals {

    public static final Refusal ALLIANCE_UNKNOWN = Refusal.invalidInput("ALLIANCE_UNKNOWN",
            "联盟“%s”不存在（可选：DOMESTIC_SERVICE 家政服务品牌联盟、PUBLIC_WELFARE 公益服务品牌联盟）",
            "alliance \"%s\" is unknown (DOMESTIC_SERVICE or PUBLIC_WELFARE)");
    public static final Refusal ORGANISATION_NAME_INVALID = Refusal.invalidInput("ORGANISATION_NAME_INVALID",
            "组织名称不能为空，且不超过 %s 个字", "the organisation name must not be blank and at most %s characters");
    public static final Refusal ORGANISATION_TYPE_UNKNOWN = Refusal.invalidInput("ORGANISATION_TYPE_UNKNOWN",
            "组织类型“%s”未知（可选：ENTERPRISE 企业、SOCIAL_ORGANISATION 社会组织）",
            "organisation type \"%s\" is unknown (ENTERPRISE or SOCIAL_ORGANISATION)");
    public static final Refusal CREDIT_CODE_INVALID = Refusal.invalidInput("CREDIT_CODE_INVALID",
            "统一社会信用代码“%s”无效：应为 18 位，且校验位正确（GB 32100-2015）",
            "\"%s\" is not a valid unified social credit code (18 characters with a correct check character)");
    public static final Refusal CONTACT_INVALID = Refusal.invalidInput("CONTACT_INVALID",
            "联系人或联系电话过长（最多 %s 个字符）", "the contact person or phone is too long (at most %s characters)");
    public static final Refusal CREDIT_CODE_ALREADY_IN_ALLIANCE = Refusal.conflict("CREDIT_CODE_ALREADY_IN_ALLIANCE",
            "统一社会信用代码为 %s 的组织已申请或已加入该联盟",
            "the organisation with credit code %s has already applied to or joined this alliance");
    public static final Refusal REVIEW_DECISION_UNKNOWN = Refusal.invalidInput("REVIEW_DECISION_UNKNOWN",
            "审核结论“%s”未知（可选：APPROVE 通过、REJECT 不通过）", "review decision \"%s\" is unknown (APPROVE or REJECT)");
    public static final Refusal REVIEW_NOTES_INVALID = Refusal.invalidInput("REVIEW_NOTES_INVALID",
            "审核意见不超过 %s 个字", "review notes are at most %s characters");
    public static final Refusal APPLICATION_NOT_AWAITING_REVIEW = Refusal.conflict("APPLICATION_NOT_AWAITING_REVIEW",
            "该申请不在待审核状态（当前：%s）", "the application is not awaiting review (it is %s)");
    public static final Refusal REJECTION_REASON_REQUIRED = Refusal.invalidInput("REJECTION_REASON_REQUIRED",
            "不通过审核时必须写明理由（不超过 %s 个字）", "a rejection needs a reason (at most %s characters)");
    public static final Refusal MEMBER_NOT_APPROVED = Refusal.ruleViolated("MEMBER_NOT_APPROVED",
            "该组织尚未通过审核（当前：%s）", "the organisation has not been approved (it is %s)");
    public static final Refusal CONVENTION_VERSION_UNKNOWN = Refusal.invalidInput("CONVENTION_VERSION_UNKNOWN",
            "联盟公约版本“%s”不存在", "convention version \"%s\" does not exist for this alliance");
    public static final Refusal SIGNATORY_INVALID = Refusal.invalidInput("SIGNATORY_INVALID",
            "签署人不能为空，且不超过 %s 个字", "the signatory must not be blank and at most %s characters");
    public static final Refusal CONVENTION_NOT_SIGNED = Refusal.ruleViolated("CONVENTION_NOT_SIGNED",
            "该组织尚未签署现行联盟公约（%s）", "the organisation has not signed the current convention (%s)");
    public static final Refusal MEMBER_ALREADY_ADMITTED = Refusal.conflict("MEMBER_ALREADY_ADMITTED",
            "该组织已是联盟成员", "the organisation is already an admitted member");
    public static final Refusal CREDIT_CODE_BANNED_AFTER_EXPULSION = Refusal.ruleViolated(
            "CREDIT_CODE_BANNED_AFTER_EXPULSION",
            "统一社会信用代码为 %s 的组织已被开除出该联盟，%s 之前不能重新申请",
            "the organisation with credit code %s was expelled from this alliance and may not apply again before %s");
    public static final Refusal MEMBERSHIP_CHANGE_REASON_REQUIRED = Refusal.invalidInput(
            "MEMBERSHIP_CHANGE_REASON_REQUIRED", "暂停、恢复、开除或退出联盟时必须写明原因（不超过 %s 个字）",
            "a suspension, reinstatement, expulsion or withdrawal needs a reason (at most %s characters)");
    public static final Refusal MEMBER_NOT_ADMITTED = Refusal.ruleViolated("MEMBER_NOT_ADMITTED",
            "该组织不是在盟成员（当前：%s）", "the organisation is not an admitted member (it is %s)");
    public static final Refusal MEMBER_ALREADY_SUSPENDED = Refusal.conflict("MEMBER_ALREADY_SUSPENDED",
            "该成员已被暂停", "the member is already suspended");
    public static final Refusal MEMBER_NOT_SUSPENDED = Refusal.conflict("MEMBER_NOT_SUSPENDED",
            "只有被暂停的成员才能恢复（当前：%s）", "only a suspended member can be reinstated (it is %s)");
    public static final Refusal MEMBERSHIP_ENDED = Refusal.conflict("MEMBERSHIP_ENDED",
            "该组织的成员资格已终止（%s）", "the organisation's membership has ended (%s)");
    public static final Refusal CONVENTION_VERSION_INVALID = Refusal.invalidInput("CONVENTION_VERSION_INVALID",
            "联盟公约版本号不能为空，且不超过 %s 个字符", "the convention version must not be blank and at most %s characters");
    public static final Refusal CONVENTION_VERSION_ALREADY_PUBLISHED = Refusal.conflict(
            "CONVENTION_VERSION_ALREADY_PUBLISHED", "联盟公约版本“%s”已发布", "convention version \"%s\" is already published");
    public static final Refusal GRACE_PERIOD_INVALID = Refusal.invalidInput("GRACE_PERIOD_INVALID",
            "签署宽限期“%s”无效：应为 ISO-8601 时长（如 P30D），大于 0 且不超过 366 天",
            "grace period \"%s\" is invalid: an ISO-8601 duration (such as P30D), more than 0 and at most 366 days");
    public static final Refusal CONVENTION_SUMMARY_INVALID = Refusal.invalidInput("CONVENTION_SUMMARY_INVALID",
            "请写明本版公约的修订内容（不超过 %s 个字）", "summarise the changes of this version (at most %s characters)");

    public static final Refusal MEMBERSHIP_CHANGE_OUT_OF_ORDER = Refusal.ruleViolated("MEMBERSHIP_CHANGE_OUT_OF_ORDER",
            "成员的审核、签约、入盟等变更须按发生的先后登记：%s 早于上一次变更的时间 %s",
            "a membership's review, signature, admission and later changes are entered in the order they happened:"
                    + " %s is before its latest change, %s");

    private AllianceRefusals() {
    }
}
