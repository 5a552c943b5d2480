package org.familystation.events.personaldata;

/**
 * The kinds of data subject whose personal data the system keeps, each with the id that names one of them. Each
 * subject has its own key; erasure and retention act on one subject.
 */
public enum DataSubjectKind {
    /** The person a referred case is about: summary, outcome, reasons; by referral id. */
    REFERRAL("转介个案"),
    /** A volunteer: name and phone; by volunteer id. */
    VOLUNTEER("志愿者"),
    /** A professional social worker: name and phone; by social worker id. */
    SOCIAL_WORKER("社工"),
    /** A federation staff member: name and phone; by staff id. */
    FEDERATION_STAFF("妇女工作者"),
    /** The contact person an alliance applicant named: name and phone; by member id. */
    MEMBER_CONTACT("联盟成员联系人"),
    /** The people a needs survey's free text may name; by survey id. */
    NEEDS_SURVEY("需求调研");

    private final String label;

    DataSubjectKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** How a subject is named in keys and in stored values: {@code REFERRAL/4f0c…}. */
    public String subject(String id) {
        return name() + "/" + id;
    }
}
