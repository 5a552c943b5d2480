package org.familystation.events.common;

/** What an offering's capacity counts: people per session, or people per month. */
public enum CapacityPeriod {
    PER_SESSION("每场"),
    PER_MONTH("每月");

    private final String label;

    CapacityPeriod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
