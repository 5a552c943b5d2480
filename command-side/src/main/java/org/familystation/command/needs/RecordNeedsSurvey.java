package org.familystation.command.needs;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.CommonRefusals;
import org.familystation.command.common.Rules;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/** Record a needs survey (需求调研) held at a community home, as read by {@link SurveyInput#record}. */
public record RecordNeedsSurvey(
        @TargetAggregateIdentifier String surveyId,
        String communityHomeId,
        SurveyEntry survey) implements ScopedCommand {

    public RecordNeedsSurvey {
        surveyId = Rules.uuid(surveyId, CommonRefusals.ID_INVALID, "surveyId");
    }

    @Override
    public Place actsAt() {
        return new Place.Unit(communityHomeId, Place.refused(NeedsRefusals.HOME_UNKNOWN, communityHomeId));
    }
}
