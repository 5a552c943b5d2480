package org.familystation.events.common;

/** How the federation learnt of a community's needs (DOMAIN.md §5). */
public enum SurveyChannel {
    COMMUNITY_VISIT("社区走访"),
    FIELD_RESEARCH("蹲点调研"),
    WEB_PORTAL("网站"),
    MICROBLOG("微博"),
    NEW_WOMAN_APP("“新女性”APP");

    private final String label;

    SurveyChannel(String label) {
        this.label = label;
    }

    /** What users see. */
    public String label() {
        return label;
    }
}
