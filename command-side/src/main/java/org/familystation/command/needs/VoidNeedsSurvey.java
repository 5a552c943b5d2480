package org.familystation.command.needs;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Declare a needs survey void: it should not have been recorded. */
public record VoidNeedsSurvey(
        @TargetAggregateIdentifier String surveyId,
        String reason) {
}
