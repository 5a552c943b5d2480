package org.familystation.command.catalogue;

import org.familystation.command.common.CommonRefusals;
import org.familystation.platform.error.Refusal;

/** Every reason a catalogue command is refused. */
public final class CatalogueRefusals {

    public static final Refusal CATALOGUE_UNKNOWN = Refusal.invalidInput("CATALOGUE_UNKNOWN",
            "目录“%s”不存在（可选：SERVICE_PROJECT、NEED_CATEGORY、SPECIALTY_SERVICE）",
            "catalogue \"%s\" does not exist (SERVICE_PROJECT, NEED_CATEGORY or SPECIALTY_SERVICE)");
    public static final Refusal ENTRY_CODE_INVALID = Refusal.invalidInput("ENTRY_CODE_INVALID",
            "编码“%s”无效：用大写字母、数字和下划线，以字母开头，不超过 60 个字符",
            "code \"%s\" is invalid: capital letters, digits and underscores, starting with a letter, at most 60");
    public static final Refusal ENTRY_NAME_INVALID = Refusal.invalidInput("ENTRY_NAME_INVALID",
            "名称不能为空，且不超过 %s 个字", "the name must not be blank and at most %s characters");
    public static final Refusal STATION_POINT_REQUIRED = Refusal.invalidInput("STATION_POINT_REQUIRED",
            "服务项目必须属于一个驿站点（收到：%s）",
            "a service project belongs to a station point: EMOTIONAL, ENTREPRENEURSHIP, HAPPINESS, CULTURE or CONVENIENCE (got: %s)");
    public static final Refusal ENTRY_CODE_TAKEN = Refusal.conflict("ENTRY_CODE_TAKEN",
            "目录中已有编码 %s（编码不可重复使用，即使已停用）", "code %s is already in this catalogue (codes are never re-used)");
    public static final Refusal ENTRY_ALREADY_RETIRED = Refusal.conflict("ENTRY_ALREADY_RETIRED",
            "该目录条目已停用", "the catalogue entry is already retired");
    public static final Refusal REASON_REQUIRED = CommonRefusals.REASON_REQUIRED;

    private CatalogueRefusals() {
    }
}
