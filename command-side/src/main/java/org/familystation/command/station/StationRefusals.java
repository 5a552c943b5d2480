package org.familystation.command.station;

import org.familystation.command.common.CommonRefusals;
import org.familystation.platform.error.Refusal;

/** Every reason a station command is refused. */
public final class StationRefusals {

    public static final Refusal STATION_ALREADY_OPEN_AT_HOME = Refusal.conflict("STATION_ALREADY_OPEN_AT_HOME",
            "该社区妇女儿童之家（%s）已开设家庭驿站", "a family station is already open at community home %s");
    public static final Refusal COMMUNITY_HOME_ID_REQUIRED = Refusal.invalidInput("COMMUNITY_HOME_ID_REQUIRED",
            "请指定开设驿站的妇女儿童之家", "name the community home the station opens at");
    public static final Refusal COMMUNITY_HOME_UNKNOWN = Refusal.ruleViolated("COMMUNITY_HOME_UNKNOWN",
            "妇女儿童之家 %s 不存在（家庭驿站只能开设在已建立的妇女儿童之家）",
            "community home %s does not exist (stations open at established community homes only)");
    public static final Refusal STATION_NAME_INVALID = Refusal.invalidInput("STATION_NAME_INVALID",
            "驿站名称不能为空，且不超过 %s 个字", "the station name must not be blank and at most %s characters");
    public static final Refusal STATION_POINT_UNKNOWN = Refusal.invalidInput("STATION_POINT_UNKNOWN",
            "驿站点“%s”未知（可选：EMOTIONAL、ENTREPRENEURSHIP、HAPPINESS、CULTURE、CONVENIENCE）",
            "station point \"%s\" is unknown (EMOTIONAL, ENTREPRENEURSHIP, HAPPINESS, CULTURE or CONVENIENCE)");
    public static final Refusal STATION_POINT_ALREADY_ACTIVE = Refusal.conflict("STATION_POINT_ALREADY_ACTIVE",
            "该驿站的%s已在服务", "the station's %s point is already active");
    public static final Refusal STATION_POINT_ALREADY_INACTIVE = Refusal.conflict("STATION_POINT_ALREADY_INACTIVE",
            "该驿站的%s已停止服务", "the station's %s point is already inactive");
    public static final Refusal SPECIALTY_UNKNOWN = Refusal.ruleViolated("SPECIALTY_UNKNOWN",
            "特色服务“%s”不在目录中或已停用", "specialty service \"%s\" is not in the catalogue or is retired");
    public static final Refusal SPECIALTY_ALREADY_OFFERED = Refusal.conflict("SPECIALTY_ALREADY_OFFERED",
            "该驿站已开设特色服务“%s”", "the station already offers specialty service \"%s\"");
    public static final Refusal SPECIALTY_NOT_OFFERED = Refusal.ruleViolated("SPECIALTY_NOT_OFFERED",
            "该驿站没有开设特色服务“%s”", "the station does not offer specialty service \"%s\"");
    public static final Refusal STATION_NOT_OPEN = Refusal.conflict("STATION_NOT_OPEN",
            "驿站当前不在服务中（%s）", "the station is not open (it is %s)");
    public static final Refusal STATION_NOT_SUSPENDED = Refusal.conflict("STATION_NOT_SUSPENDED",
            "只有暂停中的驿站可以恢复服务（当前：%s）", "only a suspended station can reopen (it is %s)");
    public static final Refusal STATION_CLOSED = Refusal.conflict("STATION_CLOSED",
            "驿站已关闭，不能再更改", "the station is closed; nothing about it can change");
    public static final Refusal STATION_CHANGE_OUT_OF_ORDER = Refusal.ruleViolated("STATION_CHANGE_OUT_OF_ORDER",
            "驿站的变更须按发生的先后登记：%s 早于它上一次变更的时间 %s",
            "a station's changes are entered in the order they happened: %s is before its latest change, %s");
    public static final Refusal CHANGE_BEFORE_STATION_OPENED = Refusal.ruleViolated("CHANGE_BEFORE_STATION_OPENED",
            "驿站于 %s 开设，变更时间 %s 不能早于开设", "the station opened at %s; a change at %s cannot precede it");
    public static final Refusal REASON_REQUIRED = CommonRefusals.REASON_REQUIRED;

    private StationRefusals() {
    }
}
