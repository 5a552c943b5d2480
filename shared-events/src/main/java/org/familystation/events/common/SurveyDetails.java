package org.familystation.events.common;

import org.familystation.events.personaldata.PersonalData;

import java.time.LocalDate;
import java.util.List;

/**
 * What a needs survey found: the part of a survey that a correction may change.
 *
 * @param surveyedOn      the day of the survey, in the users' calendar
 * @param respondentCount how many people were asked
 * @param needs           the need categories named, each with how many respondents named it (each category once)
 * @param freeText        what respondents said in their own words, or null; personal data of the survey that
 *                        carries it (it may name a person)
 */
public record SurveyDetails(
        LocalDate surveyedOn,
        SurveyChannel channel,
        int respondentCount,
        List<NeedCount> needs,
        @PersonalData String freeText) {
}
