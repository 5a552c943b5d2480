package org.familystation.query.needs;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One needs survey found by a search, with the matching passages marked ({@code <em>…</em>}). */
public record NeedsSurveyHit(
        String surveyId,
        String communityHomeId,
        String communityHomeName,
        String district,
        LocalDate surveyedOn,
        String channel,
        String channelLabel,
        Integer respondentCount,
        List<String> categoryCodes,
        String freeText,
        Map<String, List<String>> highlights,
        Double score) {
}
