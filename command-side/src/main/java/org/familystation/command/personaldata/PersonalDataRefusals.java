package org.familystation.command.personaldata;

import org.familystation.platform.error.Refusal;

/** Every reason an erasure of personal data is refused. */
public final class PersonalDataRefusals {

    public static final Refusal SUBJECT_KIND_UNKNOWN = Refusal.invalidInput("SUBJECT_KIND_UNKNOWN",
            "个人信息主体类别“%s”未知（可选：REFERRAL、VOLUNTEER、SOCIAL_WORKER、FEDERATION_STAFF、MEMBER_CONTACT、"
                    + "NEEDS_SURVEY）",
            "data subject kind \"%s\" is unknown (REFERRAL, VOLUNTEER, SOCIAL_WORKER, FEDERATION_STAFF,"
                    + " MEMBER_CONTACT or NEEDS_SURVEY)");
    public static final Refusal SUBJECT_ID_REQUIRED = Refusal.invalidInput("SUBJECT_ID_REQUIRED",
            "请给出个人信息主体的编号（不超过 %s 个字符）", "give the data subject's id (at most %s characters)");
    public static final Refusal ERASURE_REASON_REQUIRED = Refusal.invalidInput("ERASURE_REASON_REQUIRED",
            "请写明删除的法律依据或原因（不超过 %s 个字）",
            "give the legal ground or reason for the erasure (at most %s characters)");
    public static final Refusal ALREADY_ERASED = Refusal.conflict("PERSONAL_DATA_ALREADY_ERASED",
            "%s %s 的个人信息已经删除", "the personal data of %s %s is already erased");

    private PersonalDataRefusals() {
    }
}
