package org.familystation.events.common;

/** The rating of a community home (妇女儿童之家). */
public enum HomeTier {
    STANDARD("普通"),
    PROVINCIAL_DEMONSTRATION("省级示范");

    private final String label;

    HomeTier(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
