package org.familystation.query.needs;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.familystation.events.common.NeedCount;
import org.familystation.events.common.SurveyDetails;
import org.familystation.events.needs.NeedsSurveyCorrected;
import org.familystation.events.needs.NeedsSurveyRecorded;
import org.familystation.events.needs.NeedsSurveyVoided;
import org.familystation.events.personaldata.DataSubjectKind;
import org.familystation.events.personaldata.PersonalData;
import org.familystation.events.personaldata.PersonalDataErased;
import org.familystation.query.admin.RebuildParticipant;
import org.familystation.query.common.BatchedProjection;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.search.SearchBatch;
import org.familystation.query.common.search.SearchIndex;
import org.familystation.query.reach.UnitPaths;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps the needs-survey search index, one bulk request per batch ({@link SearchBatch}). Voided surveys stay in
 * the index, flagged, and every search filters them out.
 */
@Component
// Batched: one bulk request per batch, nothing in PostgreSQL for a savepoint to protect.
@BatchedProjection
@ProcessingGroup(ProcessingGroups.NEEDS_SURVEY_SEARCH)
public class NeedsSurveySearchProjection implements RebuildParticipant {

    private final SearchBatch batch;
    private final NeedsSurveyIndex index;
    private final UnitPaths unitPaths;

    public NeedsSurveySearchProjection(SearchBatch batch, NeedsSurveyIndex index, UnitPaths unitPaths) {
        this.batch = batch;
        this.index = index;
        this.unitPaths = unitPaths;
    }

    @EventHandler
    void on(NeedsSurveyRecorded event, ReplayStatus replay) {
        Map<String, Object> document = details(event.details());
        document.put("surveyId", event.surveyId());
        document.put("communityHomeId", event.communityHomeId());
        document.put("unitPath", unitPaths.ofUnit(event.communityHomeId()));
        document.put("communityHomeName", event.communityHomeName());
        document.put("district", event.district());
        document.put("voided", false);
        batch.index(index, event.surveyId(), document, replay);
    }

    @EventHandler
    void on(NeedsSurveyCorrected event, ReplayStatus replay) {
        batch.update(index, event.surveyId(), details(event.corrected()), replay);
    }

    @EventHandler
    void on(NeedsSurveyVoided event, ReplayStatus replay) {
        batch.update(index, event.surveyId(), Map.of("voided", true), replay);
    }

    /**
     * The survey's free text is erased from its document. Not in a replay: there the survey's events already read
     * as erased.
     */
    @EventHandler
    void on(PersonalDataErased event, ReplayStatus replay) {
        if (event.subjectKind() == DataSubjectKind.NEEDS_SURVEY && !replay.isReplay()) {
            Map<String, Object> erased = new HashMap<>();
            erased.put("freeText", PersonalData.ERASED);
            batch.updateIfPresent(index, event.subjectId(), erased, replay);
        }
    }

    /** A rebuild fills a new index while searches go on reading the old one ({@link SearchIndex}). */
    @ResetHandler
    void reset() {
        index.prepareRebuild();
    }

    @Override
    public String processingGroup() {
        return ProcessingGroups.NEEDS_SURVEY_SEARCH;
    }

    /** The replay has caught up: searches read the rebuilt index from now on. */
    @Override
    public void rebuildCaughtUp() {
        index.finishRebuild();
    }

    @Override
    public void rebuildFailed() {
        index.abandonRebuild();
    }

    /** The fields a survey's details give its document (null values clear a field). */
    private static Map<String, Object> details(SurveyDetails details) {
        Map<String, Object> document = new HashMap<>();
        document.put("surveyedOn", details.surveyedOn().toString());
        document.put("channel", details.channel().name());
        document.put("respondentCount", details.respondentCount());
        document.put("categoryCodes", details.needs().stream().map(NeedCount::categoryCode).toList());
        document.put("categoryNames", details.needs().stream().map(NeedCount::categoryName).toList());
        document.put("freeText", details.freeText());
        return document;
    }
}
