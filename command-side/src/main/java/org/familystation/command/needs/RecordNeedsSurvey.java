package org.familystation.command.needs;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a needs survey (需求调研) held at a community home. */
public record RecordNeedsSurvey(
        @TargetAggregateIdentifier String surveyId,
        String communityHomeId,
        SurveyInput survey) {
}
