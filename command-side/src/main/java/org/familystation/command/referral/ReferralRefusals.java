package org.familystation.command.referral;

import org.familystation.command.common.CommonRefusals;
import org.familystation.platform.error.Refusal;

/** Every reason a referral command is refused. */
public final class ReferralRefusals {

    public static final Refusal STATION_NOT_OPEN = Refusal.ruleViolated("STATION_NOT_OPEN",
            "只有开放中的家庭驿站才能转介个案", "a case can only be referred from an open station");
    public static final Refusal CENTRE_UNKNOWN = Refusal.invalidInput("CENTRE_UNKNOWN",
            "服务中心“%s”未知（可选：DOMESTIC_SERVICE_CENTRE 巾帼家政服务中心、RIGHTS_SERVICE_CENTRE 妇女维权服务中心、"
                    + "SOCIAL_ORGANISATION_CENTRE 女性社会组织服务中心）",
            "centre \"%s\" is unknown (DOMESTIC_SERVICE_CENTRE, RIGHTS_SERVICE_CENTRE or SOCIAL_ORGANISATION_CENTRE)");
    public static final Refusal CATEGORY_UNKNOWN = Refusal.invalidInput("CATEGORY_UNKNOWN",
            "转介类别“%s”不在类别目录中", "referral category \"%s\" is not in the catalogue");
    public static final Refusal CATEGORY_NOT_OFFERED_BY_CENTRE = Refusal.invalidInput("CATEGORY_NOT_OFFERED_BY_CENTRE",
            "转介类别“%s”由%s受理，不由%s受理", "referral category \"%s\" is taken by the %s, not by the %s");
    public static final Refusal SUMMARY_INVALID = Refusal.invalidInput("SUMMARY_INVALID",
            "个案摘要不能为空，且不超过 %s 个字", "the case summary must not be blank and at most %s characters");
    public static final Refusal CONSENT_REQUIRED = Refusal.ruleViolated("CONSENT_REQUIRED",
            "转介须经当事人同意：请先取得当事人同意并记录", "a case is referred only with the consent of the person it is about");
    public static final Refusal CONSENT_METHOD_UNKNOWN = Refusal.invalidInput("CONSENT_METHOD_UNKNOWN",
            "同意方式“%s”未知（可选：WRITTEN 书面同意、VERBAL 口头同意）",
            "consent method \"%s\" is unknown (WRITTEN or VERBAL)");
    public static final Refusal REFERRAL_NOT_AWAITING_ACCEPTANCE = Refusal.conflict("REFERRAL_NOT_AWAITING_ACCEPTANCE",
            "该转介不在待接收状态（当前：%s）", "the referral is not awaiting acceptance (it is %s)");
    public static final Refusal REFERRAL_NOT_ACCEPTED = Refusal.conflict("REFERRAL_NOT_ACCEPTED",
            "只有已接收的转介才能开始办理（当前：%s）", "work starts only on an accepted referral (it is %s)");
    public static final Refusal REFERRAL_NOT_IN_PROGRESS = Refusal.conflict("REFERRAL_NOT_IN_PROGRESS",
            "只有办理中的转介才能办结（当前：%s）", "only a referral in progress can be resolved (it is %s)");
    public static final Refusal REFERRAL_NOT_RESOLVED = Refusal.conflict("REFERRAL_NOT_RESOLVED",
            "只有已办结的转介才能结案（当前：%s）", "only a resolved referral can be closed (it is %s)");
    public static final Refusal REFERRAL_NOT_WITHDRAWABLE = Refusal.conflict("REFERRAL_NOT_WITHDRAWABLE",
            "转介在办结前才能撤回（当前：%s）", "a referral can be withdrawn only before it is resolved (it is %s)");
    public static final Refusal REASON_REQUIRED = CommonRefusals.REASON_REQUIRED;
    public static final Refusal OUTCOME_REQUIRED = Refusal.invalidInput("OUTCOME_REQUIRED",
            "请填写办理结果（不超过 %s 个字）", "say what the outcome is (at most %s characters)");

    private ReferralRefusals() {
    }
}
