package org.familystation.command.needs;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Correct a needs survey: the fields given in {@code changes} replace the recorded ones, for a reason. */
public record CorrectNeedsSurvey(
        @TargetAggregateIdentifier String surveyId,
        SurveyInput changes,
        String reason) {
}
