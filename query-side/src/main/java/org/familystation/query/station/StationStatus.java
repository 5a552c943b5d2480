package org.familystation.query.station;

/** Whether a station serves, as {@code rm_station.status} holds it; a filter value outside these is a 400. */
public enum StationStatus {
    OPEN("开放"), SUSPENDED("暂停"), CLOSED("已关闭");

    private final String label;

    StationStatus(String label) {
        this.label = label;
    }

    /** The status as users say it (the workbench's words). */
    public String label() {
        return label;
    }

    /** The label of a status as the read model holds it (its code when it is none of these). */
    static String labelOf(String status) {
        for (StationStatus value : values()) {
            if (value.name().equals(status)) {
                return value.label;
            }
        }
        return status;
    }
}
