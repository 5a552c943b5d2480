package org.familystation.command.needs;

import java.time.LocalDate;
import java.util.List;

/**
 * What a user says about a needs survey, as sent. In a correction, a null field means "unchanged" (a list of
 * needs, when given, replaces the recorded one).
 *
 * @param channel COMMUNITY_VISIT, FIELD_RESEARCH, WEB_PORTAL, MICROBLOG or NEW_WOMAN_APP
 * @param needs   need categories (codes of the NEED_CATEGORY catalogue), each with how many respondents named it
 */
public record SurveyInput(
        LocalDate surveyedOn,
        String channel,
        Integer respondentCount,
        List<NeedInput> needs,
        String freeText) {

    public record NeedInput(String categoryCode, Integer count) {
    }
}
