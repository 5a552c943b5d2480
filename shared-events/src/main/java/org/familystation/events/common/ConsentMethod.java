package org.familystation.events.common;

/** How the person a case is about agreed to it being referred (and their information shared with the centre). */
public enum ConsentMethod {
    WRITTEN("书面同意"),
    VERBAL("口头同意");

    private final String label;

    ConsentMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
