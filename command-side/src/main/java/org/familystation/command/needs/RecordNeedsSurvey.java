package org.familystation.command.needs;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/** Record a needs survey (需求调研) held at a community home. */
public record RecordNeedsSurvey(
        @TargetAggregateIdentifier String surveyId,
        String communityHomeId,
        SurveyInput survey) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return new Place.Unit(communityHomeId, Place.refused(NeedsRefusals.HOME_UNKNOWN, communityHomeId));
    }
}
