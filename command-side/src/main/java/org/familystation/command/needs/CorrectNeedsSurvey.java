package org.familystation.command.needs;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.Reason;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/**
 * Correct a needs survey: the fields given in {@code changes} (read by {@link SurveyInput#changes}) replace the
 * recorded ones, for a reason.
 */
public record CorrectNeedsSurvey(
        @TargetAggregateIdentifier String surveyId,
        SurveyEntry changes,
        Reason reason) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return new Place.NeedsSurvey(surveyId, Place.noAggregate(surveyId));
    }
}
