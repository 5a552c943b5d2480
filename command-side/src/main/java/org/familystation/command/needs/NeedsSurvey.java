package org.familystation.command.needs;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.familystation.command.common.Changes;
import org.familystation.command.network.UnitRegistry.UnitFacts;
import org.familystation.events.common.SurveyDetails;
import org.familystation.events.needs.NeedsSurveyCorrected;
import org.familystation.events.needs.NeedsSurveyRecorded;
import org.familystation.events.needs.NeedsSurveyVoided;
import org.familystation.platform.error.DomainException;

import java.time.Clock;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One needs survey held at a community home. Its own aggregate, like a service record: the home's facts come
 * from the unit registry, the categories from the NEED_CATEGORY catalogue.
 */
@Aggregate
public class NeedsSurvey {

    @AggregateIdentifier
    private String surveyId;
    private String communityHomeId;
    private SurveyDetails details;
    private boolean voided;

    protected NeedsSurvey() {
        // for Axon
    }

    @CommandHandler
    public NeedsSurvey(RecordNeedsSurvey command, NeedsSurveyPolicy policy, Clock clock) {
        UnitFacts home = policy.communityHome(command.communityHomeId());
        SurveyDetails details = policy.details(command.survey(), null);
        apply(new NeedsSurveyRecorded(command.surveyId(), home.unitId(), home.name(), home.district(), details,
                clock.instant()));
    }

    @CommandHandler
    void handle(CorrectNeedsSurvey command, NeedsSurveyPolicy policy, Clock clock) {
        refuseIfVoided();
        SurveyDetails corrected = policy.details(merge(command.changes()), details);
        List<String> changed = Changes.changedFields(details, corrected);
        if (changed.isEmpty()) {
            throw DomainException.refuse(NeedsRefusals.CORRECTION_CHANGES_NOTHING);
        }
        apply(new NeedsSurveyCorrected(surveyId, communityHomeId, corrected, changed, command.reason().text(),
                clock.instant()));
    }

    @CommandHandler
    void handle(VoidNeedsSurvey command, Clock clock) {
        refuseIfVoided();
        apply(new NeedsSurveyVoided(surveyId, communityHomeId, command.reason().text(), clock.instant()));
    }

    @EventSourcingHandler
    void on(NeedsSurveyRecorded event) {
        surveyId = event.surveyId();
        communityHomeId = event.communityHomeId();
        details = event.details();
    }

    @EventSourcingHandler
    void on(NeedsSurveyCorrected event) {
        details = event.corrected();
    }

    @EventSourcingHandler
    void on(NeedsSurveyVoided event) {
        voided = true;
    }

    private void refuseIfVoided() {
        if (voided) {
            throw DomainException.refuse(NeedsRefusals.SURVEY_VOIDED);
        }
    }

    /** The recorded survey with the fields a correction gives put in place of the recorded ones. */
    private SurveyEntry merge(SurveyEntry changes) {
        SurveyEntry given = changes != null ? changes : SurveyEntry.NO_CHANGES;
        return new SurveyEntry(
                given.surveyedOn() != null ? given.surveyedOn() : details.surveyedOn(),
                given.channel() != null ? given.channel() : details.channel(),
                given.respondentCount() != null ? given.respondentCount()
                        : new RespondentCount(details.respondentCount()),
                given.needs() != null ? given.needs() : details.needs().stream()
                        .map(need -> new SurveyEntry.Need(need.categoryCode(), need.count())).toList(),
                given.freeText() != null ? given.freeText() : details.freeText());
    }
}
