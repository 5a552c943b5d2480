package org.familystation.command.needs;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.Reason;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/** Declare a needs survey void: it should not have been recorded. */
public record VoidNeedsSurvey(
        @TargetAggregateIdentifier String surveyId,
        Reason reason) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return new Place.NeedsSurvey(surveyId, Place.noAggregate(surveyId));
    }
}
