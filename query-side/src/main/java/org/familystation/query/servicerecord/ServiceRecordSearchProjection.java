package org.familystation.query.servicerecord;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.familystation.events.common.ServiceDetails;
import org.familystation.events.servicerecord.ServiceRecordCorrected;
import org.familystation.events.servicerecord.ServiceRecordVoided;
import org.familystation.events.servicerecord.ServiceRecorded;
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
 * Keeps the service-record search index, one bulk request per batch ({@link SearchBatch}). Voided records stay in
 * the index, flagged, and every search filters them out.
 */
@Component
// Batched: every service record, one bulk request per batch, nothing in PostgreSQL for a savepoint to protect.
@BatchedProjection
@ProcessingGroup(ProcessingGroups.SERVICE_RECORD_SEARCH)
public class ServiceRecordSearchProjection implements RebuildParticipant {

    private final SearchBatch batch;
    private final ServiceRecordIndex index;
    private final UnitPaths unitPaths;

    public ServiceRecordSearchProjection(SearchBatch batch, ServiceRecordIndex index, UnitPaths unitPaths) {
        this.batch = batch;
        this.index = index;
        this.unitPaths = unitPaths;
    }

    @EventHandler
    void on(ServiceRecorded event, ReplayStatus replay) {
        Map<String, Object> document = details(event.details());
        document.put("serviceRecordId", event.serviceRecordId());
        document.put("stationId", event.stationId());
        document.put("unitPath", unitPaths.ofStation(event.stationId()));
        document.put("stationName", event.stationName());
        document.put("district", event.district());
        document.put("voided", false);
        batch.index(index, event.serviceRecordId(), document, replay);
    }

    @EventHandler
    void on(ServiceRecordCorrected event, ReplayStatus replay) {
        batch.update(index, event.serviceRecordId(), details(event.corrected()), replay);
    }

    @EventHandler
    void on(ServiceRecordVoided event, ReplayStatus replay) {
        batch.update(index, event.serviceRecordId(), Map.of("voided", true), replay);
    }

    /** A rebuild fills a new index while searches go on reading the old one ({@link SearchIndex}). */
    @ResetHandler
    void reset() {
        index.prepareRebuild();
    }

    @Override
    public String processingGroup() {
        return ProcessingGroups.SERVICE_RECORD_SEARCH;
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

    /** The fields a service record's details give its document (null values clear a field). */
    private static Map<String, Object> details(ServiceDetails details) {
        Map<String, Object> document = new HashMap<>();
        document.put("stationPoint", details.stationPoint().name());
        document.put("projectCode", details.projectCode());
        document.put("projectName", details.projectName());
        document.put("providerKind", details.provider().kind().name());
        document.put("providerMemberId", details.provider().memberId());
        document.put("providerName", details.provider().displayName());
        document.put("deliveredAt", details.deliveredAt().toString());
        document.put("participantCount", details.participantCount());
        document.put("description", details.description());
        document.put("outcome", details.outcome());
        document.put("satisfaction", details.satisfaction());
        document.put("feedback", details.feedback());
        return document;
    }
}
