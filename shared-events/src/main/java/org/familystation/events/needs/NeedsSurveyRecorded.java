package org.familystation.events.needs;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.SurveyDetails;
import org.familystation.events.personaldata.DataSubject;
import org.familystation.events.personaldata.DataSubjectKind;

import java.time.Instant;

/** A needs survey was recorded at a community home; the home's name and district are those at the time. */
@Revision("1")
public record NeedsSurveyRecorded(
        @DataSubject(DataSubjectKind.NEEDS_SURVEY) String surveyId,
        String communityHomeId,
        String communityHomeName,
        String district,
        SurveyDetails details,
        Instant recordedAt) implements NeedsSurveyEvent {
}
