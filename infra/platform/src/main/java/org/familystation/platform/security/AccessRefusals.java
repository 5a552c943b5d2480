package org.familystation.platform.security;

import org.familystation.events.common.UnitLevel;
import org.familystation.platform.error.Refusal;

/** The refusals of who may do what where (README, "Security and personal data"), shared by the role rules and the scope checks. */
public final class AccessRefusals {

    /** No role, no unit, or a unit that does not exist (yet): nothing may be done at all. */
    public static final Refusal NO_ACCESS = Refusal.forbidden("NO_ACCESS",
            "您的账号没有可用的角色或所属单位", "your account has no role or unit");

    /** The role may never do this. */
    public static final Refusal FORBIDDEN = Refusal.forbidden("FORBIDDEN",
            "您的角色无权执行此操作", "your role may not do this");

    /** Network-wide things (alliances, funds, catalogues, units above the homes) are the federation's and HQ's. */
    public static final Refusal WHOLE_NETWORK_ONLY = Refusal.forbidden("FORBIDDEN",
            "只有市妇联和运营总部可以执行此操作", "only the federation and the operations headquarters may do this");

    private AccessRefusals() {
    }

    /** Whether staff of a unit of this level reach the whole network: the federation and the headquarters. */
    public static boolean reachesWholeNetwork(UnitLevel level) {
        return level == UnitLevel.FEDERATION || level == UnitLevel.OPERATIONS_HQ;
    }

    /** Whether the user has no access at all: no role, or no unit (an administrator needs no unit). */
    public static boolean hasNoAccess(FamilyStationUser user) {
        return user.roles().isEmpty() || (!user.roles().contains(Role.ADMIN) && user.unitId() == null);
    }
}
