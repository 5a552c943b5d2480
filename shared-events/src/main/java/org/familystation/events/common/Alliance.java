package org.familystation.events.common;

/** The two brand alliances that supply services ("5+2+X": the 2). */
public enum Alliance {
    DOMESTIC_SERVICE("家政服务品牌联盟"),
    PUBLIC_WELFARE("公益服务品牌联盟");

    private final String label;

    Alliance(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
