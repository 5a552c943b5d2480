package org.familystation.command.station;

import org.familystation.platform.error.Refusal;

/** Every reason a station command is refused. */
public final class StationRefusals {

    public static final Refusal STATION_ALREADY_OPEN_AT_HOME = Refusal.conflict("STATION_ALREADY_OPEN_AT_HOME",
            "该社区妇女儿童之家（%s）已开设家庭驿站", "a family station is already open at community home %s");
    public static final Refusal DISTRICT_UNKNOWN = Refusal.invalidInput("DISTRICT_UNKNOWN",
            "区名“%s”不在本市的区划中", "district \"%s\" is not one of the configured districts");
    public static final Refusal HOME_TIER_UNKNOWN = Refusal.invalidInput("HOME_TIER_UNKNOWN",
            "妇女儿童之家等级“%s”未知（可选：STANDARD、PROVINCIAL_DEMONSTRATION）",
            "home tier \"%s\" is unknown (STANDARD or PROVINCIAL_DEMONSTRATION)");
    public static final Refusal STATION_NAME_INVALID = Refusal.invalidInput("STATION_NAME_INVALID",
            "驿站名称不能为空，且不超过 %s 个字", "the station name must not be blank and at most %s characters");
    public static final Refusal COMMUNITY_HOME_NAME_INVALID = Refusal.invalidInput("COMMUNITY_HOME_NAME_INVALID",
            "妇女儿童之家名称不能为空，且不超过 %s 个字",
            "the community home name must not be blank and at most %s characters");
    public static final Refusal COMMUNITY_HOME_ID_INVALID = Refusal.invalidInput("COMMUNITY_HOME_ID_INVALID",
            "妇女儿童之家编号不能为空，且不超过 %s 个字符",
            "the community home id must not be blank and at most %s characters");

    private StationRefusals() {
    }
}
