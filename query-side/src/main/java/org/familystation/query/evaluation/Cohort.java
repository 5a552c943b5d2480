package org.familystation.query.evaluation;

import org.familystation.platform.error.DomainException;
import org.familystation.platform.error.Refusal;

/**
 * What an evaluation looks at: the whole network, the pilot stations, the stations outside the pilot, the
 * provincial demonstration homes (their stations and their needs), or one district.
 *
 * @param district the district's name, for {@link Kind#DISTRICT} only
 */
public record Cohort(Kind kind, String district) {

    public enum Kind {
        ALL("all", "全市"),
        PILOT("pilot", "试点家庭驿站"),
        NON_PILOT("non-pilot", "非试点家庭驿站"),
        DEMONSTRATION("demonstration", "省级示范妇女儿童之家"),
        DISTRICT("district", null);

        private final String code;
        private final String label;

        Kind(String code, String label) {
            this.code = code;
            this.label = label;
        }
    }

    private static final String DISTRICT_PREFIX = "district:";

    /** all, pilot, non-pilot, demonstration or district:玄武区; absent means all. */
    public static Cohort parse(String value, String field) {
        return parse(value, field, EvaluationRefusals.COHORT_UNKNOWN);
    }

    static Cohort parse(String value, String field, Refusal unknown) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return new Cohort(Kind.ALL, null);
        }
        if (text.startsWith(DISTRICT_PREFIX) && !text.substring(DISTRICT_PREFIX.length()).isBlank()) {
            return new Cohort(Kind.DISTRICT, text.substring(DISTRICT_PREFIX.length()).strip());
        }
        for (Kind kind : Kind.values()) {
            if (kind != Kind.DISTRICT && kind.code.equals(text)) {
                return new Cohort(kind, null);
            }
        }
        throw DomainException.refuseField(unknown, field, value);
    }

    /** As requests write it. */
    public String code() {
        return kind == Kind.DISTRICT ? DISTRICT_PREFIX + district : kind.code;
    }

    /** As users read it. */
    public String label() {
        return kind == Kind.DISTRICT ? district : kind.label;
    }
}
