package org.familystation.command.catalogue;

import org.familystation.events.common.CatalogueKind;
import org.familystation.events.common.StationPoint;

import java.util.List;

/** What a fresh system's catalogues hold (DOMAIN.md §3 and §5); users add and retire entries from there. */
public final class CatalogueDefaults {

    public static final List<AddCatalogueEntry> ENTRIES = List.of(
            project("HOUSEKEEPING", "家政", StationPoint.CONVENIENCE),
            project("DELIVERY", "配送", StationPoint.CONVENIENCE),
            project("CULTURE_SPORTS", "文体", StationPoint.HAPPINESS),
            project("MATCHMAKING", "婚介", StationPoint.EMOTIONAL),
            project("EARLY_EDUCATION", "早教", StationPoint.HAPPINESS),
            project("WOMEN_EMPLOYMENT", "妇女就业创业", StationPoint.ENTREPRENEURSHIP),
            project("WOMEN_RIGHTS", "妇女权益维护", StationPoint.EMOTIONAL),
            project("SOCIAL_ORGANISATION_INCUBATION", "社会组织培育", StationPoint.ENTREPRENEURSHIP),
            project("FAMILY_EDUCATION", "家庭教育", StationPoint.CULTURE),
            project("EMPTY_NEST_ELDERLY_CARE", "空巢老人关爱", StationPoint.CONVENIENCE),
            project("SKILLS_TRAINING", "实用技能培训", StationPoint.ENTREPRENEURSHIP),
            project("PSYCHOLOGICAL_COUNSELLING", "心理咨询", StationPoint.EMOTIONAL),
            project("LEGAL_AID", "法律援助", StationPoint.EMOTIONAL),
            need("DEMOCRATIC_PARTICIPATION", "参与基层民主管理"),
            need("MARRIAGE_FAMILY_RIGHTS", "婚姻家庭权益维护"),
            need("EMPLOYMENT_RIGHTS", "劳动就业权益"),
            need("ENTREPRENEURSHIP_SUPPORT", "创业信息与资金"),
            need("EMPTY_NEST_ELDERLY", "空巢老人关爱"),
            need("HOUSEKEEPING", "家政服务"),
            need("FAMILY_EDUCATION", "家庭教育知识"),
            need("SELF_IMPROVEMENT", "素质提升"));

    private CatalogueDefaults() {
    }

    private static AddCatalogueEntry project(String code, String name, StationPoint point) {
        return new AddCatalogueEntry(CatalogueKind.SERVICE_PROJECT, code, name, point);
    }

    private static AddCatalogueEntry need(String code, String name) {
        return new AddCatalogueEntry(CatalogueKind.NEED_CATEGORY, code, name, null);
    }
}
