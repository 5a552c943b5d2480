package org.familystation.query.needs;

import org.familystation.events.common.SurveyChannel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A needs survey as it stands now (corrections applied). */
public record NeedsSurveyView(
        String surveyId,
        String communityHomeId,
        String communityHomeName,
        String district,
        LocalDate surveyedOn,
        SurveyChannel channel,
        String channelLabel,
        int respondentCount,
        List<Need> needs,
        String freeText,
        Instant recordedAt,
        int correctionCount,
        boolean voided,
        String voidReason) {

    /** A need category named in the survey, and by how many respondents. */
    public record Need(String categoryCode, String categoryName, int count) {
    }

    NeedsSurveyView withNeeds(List<Need> needs) {
        return new NeedsSurveyView(surveyId, communityHomeId, communityHomeName, district, surveyedOn, channel,
                channelLabel, respondentCount, needs, freeText, recordedAt, correctionCount, voided, voidReason);
    }
}
