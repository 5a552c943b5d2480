package org.familystation.events.common;

/**
 * The levels of the network's organisation units (DOMAIN.md §1). The fifth level, the Family Station itself, is a
 * station opened at a community home, not a unit.
 */
public enum UnitLevel {
    FEDERATION("市妇联"),
    OPERATIONS_HQ("运营总部"),
    BRANCH_CENTRE("分支机构"),
    COMMUNITY_HOME("妇女儿童之家"),
    CITY_CENTRE("市级中心");

    private final String label;

    UnitLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
