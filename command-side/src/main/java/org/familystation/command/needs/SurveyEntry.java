package org.familystation.command.needs;

import org.familystation.events.common.SurveyChannel;

import java.time.LocalDate;
import java.util.List;

/**
 * A needs survey as read at the edge from what a user sent ({@link SurveyInput#record}, {@link SurveyInput#changes}):
 * every rule that needs no state (the date not in the future, the channel, counts, each category once, lengths) has
 * been checked, so the aggregate and its policy decide only what depends on the catalogue and on what is recorded. In
 * a correction, a null field means "unchanged": a list of needs given replaces the recorded one, and an empty free
 * text removes it.
 *
 * @param needs need categories (codes of the NEED_CATEGORY catalogue), each with how many respondents named it
 */
public record SurveyEntry(
        LocalDate surveyedOn,
        SurveyChannel channel,
        RespondentCount respondentCount,
        List<Need> needs,
        String freeText) {

    static final SurveyEntry NO_CHANGES = new SurveyEntry(null, null, null, null, null);

    /** A need as read: a trimmed category code, named by at least one respondent. */
    public record Need(String categoryCode, int count) {
    }
}
