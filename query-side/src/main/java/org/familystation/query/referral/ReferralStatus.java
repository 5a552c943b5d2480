package org.familystation.query.referral;

import java.util.EnumSet;
import java.util.Set;

/** Where a referral stands, as the read model records it from the referral events. */
public enum ReferralStatus {
    REFERRED("待接收"),
    ACCEPTED("已接收"),
    DECLINED("已拒绝"),
    IN_PROGRESS("办理中"),
    RESOLVED("已办结"),
    CLOSED("已结案"),
    WITHDRAWN("已撤回");

    /** Still with the centre: referred and not yet answered, or accepted and not yet resolved. */
    public static final Set<ReferralStatus> OPEN = EnumSet.of(REFERRED, ACCEPTED, IN_PROGRESS);

    private final String label;

    ReferralStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
