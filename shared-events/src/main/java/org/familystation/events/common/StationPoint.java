package org.familystation.events.common;

/** The five station points of every Family Station ("5+2+X": the 5). */
public enum StationPoint {
    EMOTIONAL("情感驿站"),
    ENTREPRENEURSHIP("创业驿站"),
    HAPPINESS("快乐驿站"),
    CULTURE("文化驿站"),
    CONVENIENCE("便民驿站");

    private final String label;

    StationPoint(String label) {
        this.label = label;
    }

    /** What users see. */
    public String label() {
        return label;
    }
}
