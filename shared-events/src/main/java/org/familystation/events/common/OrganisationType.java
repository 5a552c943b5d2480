package org.familystation.events.common;

/** What kind of organisation applies to an alliance. */
public enum OrganisationType {
    ENTERPRISE("企业"),
    SOCIAL_ORGANISATION("社会组织");

    private final String label;

    OrganisationType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
