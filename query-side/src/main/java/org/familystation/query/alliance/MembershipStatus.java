package org.familystation.query.alliance;

/** Where a member stands, as {@code rm_alliance_member.status} holds it; a filter value outside these is a 400. */
public enum MembershipStatus {
    APPLIED("已申请"), REJECTED("未通过"), APPROVED("已审核"), ADMITTED("已入盟"), SUSPENDED("暂停"), EXPELLED("已除名"),
    WITHDRAWN("已退出");

    private final String label;

    MembershipStatus(String label) {
        this.label = label;
    }

    /** The status as users say it (the workbench's words). */
    public String label() {
        return label;
    }

    /** The label of a status as the read model holds it (its code when it is none of these). */
    static String labelOf(String status) {
        for (MembershipStatus value : values()) {
            if (value.name().equals(status)) {
                return value.label;
            }
        }
        return status;
    }
}
