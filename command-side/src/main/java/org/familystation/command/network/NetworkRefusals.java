package org.familystation.command.network;

import org.familystation.command.common.CommonRefusals;
import org.familystation.platform.error.Refusal;

/** Every reason a command about the network's organisation units is refused. */
public final class NetworkRefusals {

    public static final Refusal UNIT_LEVEL_UNKNOWN = Refusal.invalidInput("UNIT_LEVEL_UNKNOWN",
            "机构层级“%s”未知（可选：FEDERATION、OPERATIONS_HQ、BRANCH_CENTRE、COMMUNITY_HOME、CITY_CENTRE）",
            "unit level \"%s\" is unknown (FEDERATION, OPERATIONS_HQ, BRANCH_CENTRE, COMMUNITY_HOME or CITY_CENTRE)");
    public static final Refusal UNIT_NAME_INVALID = Refusal.invalidInput("UNIT_NAME_INVALID",
            "机构名称不能为空，且不超过 %s 个字", "the unit name must not be blank and at most %s characters");
    public static final Refusal FEDERATION_EXISTS = Refusal.conflict("FEDERATION_EXISTS",
            "市妇联已建立，全市只有一个", "the federation already exists; there is only one");
    public static final Refusal FEDERATION_HAS_NO_PARENT = Refusal.invalidInput("FEDERATION_HAS_NO_PARENT",
            "市妇联没有上级机构", "the federation has no parent unit");
    public static final Refusal PARENT_UNKNOWN = Refusal.ruleViolated("PARENT_UNKNOWN",
            "上级机构 %s 不存在", "parent unit %s does not exist");
    public static final Refusal PARENT_LEVEL_NOT_ALLOWED = Refusal.ruleViolated("PARENT_LEVEL_NOT_ALLOWED",
            "%s的上级不能是%s", "a %s cannot be placed under a %s");
    public static final Refusal DISTRICT_UNKNOWN = Refusal.invalidInput("DISTRICT_UNKNOWN",
            "区名“%s”不在本市的区划中", "district \"%s\" is not one of the configured districts");
    public static final Refusal DISTRICT_OUTSIDE_PARENT = Refusal.ruleViolated("DISTRICT_OUTSIDE_PARENT",
            "机构所在区（%s）与上级机构所在区（%s）不一致", "the unit's district (%s) is not its parent's (%s)");
    public static final Refusal HOME_TIER_UNKNOWN = Refusal.invalidInput("HOME_TIER_UNKNOWN",
            "妇女儿童之家等级“%s”未知（可选：STANDARD、PROVINCIAL_DEMONSTRATION）",
            "home tier \"%s\" is unknown (STANDARD or PROVINCIAL_DEMONSTRATION)");
    public static final Refusal NOT_A_COMMUNITY_HOME = Refusal.ruleViolated("NOT_A_COMMUNITY_HOME",
            "只有妇女儿童之家有等级", "only community homes have a tier");
    public static final Refusal TIER_UNCHANGED = Refusal.conflict("TIER_UNCHANGED",
            "该妇女儿童之家已是此等级", "the community home already has this tier");
    public static final Refusal REASON_REQUIRED = CommonRefusals.REASON_REQUIRED;

    private NetworkRefusals() {
    }
}
