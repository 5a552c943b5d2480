package org.familystation.events.common;

/**
 * The three city-level centres (市级"三大中心") that stations refer cases to, and that work them to an outcome. A
 * centre's staff act for it with the centre's name as their unit.
 */
public enum CityCentre {
    DOMESTIC_SERVICE_CENTRE("巾帼家政服务中心"),
    RIGHTS_SERVICE_CENTRE("妇女维权服务中心"),
    SOCIAL_ORGANISATION_CENTRE("女性社会组织服务中心");

    private final String label;

    CityCentre(String label) {
        this.label = label;
    }

    /** What users see. */
    public String label() {
        return label;
    }
}
