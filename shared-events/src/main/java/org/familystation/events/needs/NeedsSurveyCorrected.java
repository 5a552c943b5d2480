package org.familystation.events.needs;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.SurveyDetails;
import org.familystation.events.personaldata.DataSubject;
import org.familystation.events.personaldata.DataSubjectKind;

import java.time.Instant;
import java.util.List;

/**
 * A needs survey was corrected: {@code corrected} is the whole survey after the correction, {@code changedFields}
 * names what changed (field names of {@link SurveyDetails}), and {@code reason} says why.
 */
@Revision("1")
public record NeedsSurveyCorrected(
        @DataSubject(DataSubjectKind.NEEDS_SURVEY) String surveyId,
        String communityHomeId,
        SurveyDetails corrected,
        List<String> changedFields,
        String reason,
        Instant correctedAt) implements NeedsSurveyEvent {
}
