package org.familystation.query.evaluation;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * Settings of evaluations ({@code familystation.evaluation.*}). The pilot is not a fact in the history (no event
 * says "this station is a pilot"), so it is defined here: the stations named, or else the first
 * {@code pilot-size} stations opened at provincial demonstration homes — the pilot of DOMAIN.md §1 ran at the first
 * 15 of them, which is what the reference scenario builds.
 */
@ConfigurationProperties("familystation.evaluation")
public class EvaluationProperties {

    /** The pilot stations by id; when empty, the first {@link #pilotSize} opened at demonstration homes. */
    private List<String> pilotStationIds = new ArrayList<>();

    /** How many stations, first opened at provincial demonstration homes, make the pilot. */
    private int pilotSize = 15;

    /** The longest period an evaluation covers, in days (ten years). */
    private int maxPeriodDays = 3_660;

    public List<String> getPilotStationIds() {
        return pilotStationIds;
    }

    public void setPilotStationIds(List<String> pilotStationIds) {
        this.pilotStationIds = pilotStationIds;
    }

    public int getPilotSize() {
        return pilotSize;
    }

    public void setPilotSize(int pilotSize) {
        this.pilotSize = pilotSize;
    }

    public int getMaxPeriodDays() {
        return maxPeriodDays;
    }

    public void setMaxPeriodDays(int maxPeriodDays) {
        this.maxPeriodDays = maxPeriodDays;
    }
}
