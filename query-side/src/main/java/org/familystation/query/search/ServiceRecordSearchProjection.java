package org.familystation.query.search;

import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.familystation.events.common.ServiceDetails;
import org.familystation.events.servicerecord.ServiceRecordCorrected;
import org.familystation.events.servicerecord.ServiceRecordVoided;
import org.familystation.events.servicerecord.ServiceRecorded;
import org.familystation.query.common.ProcessingGroups;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the service-record search index. The events of one batch become one bulk request, sent when the batch
 * commits: if it fails, the batch (and its token) is rolled back and retried, so nothing is lost. Updates set
 * absolute values and events of one record arrive in order, so a redelivered batch leaves the same documents.
 * Voided records stay in the index, flagged, and every search filters them out.
 */
@Component
@ProcessingGroup(ProcessingGroups.SERVICE_RECORD_SEARCH)
public class ServiceRecordSearchProjection {

    private static final String PENDING = ServiceRecordSearchProjection.class.getName() + ".pending";

    private final SearchClient client;
    private final ServiceRecordIndex index;

    public ServiceRecordSearchProjection(SearchClient client, ServiceRecordIndex index) {
        this.client = client;
        this.index = index;
    }

    @EventHandler
    void on(ServiceRecorded event) {
        Map<String, Object> document = details(event.details());
        document.put("serviceRecordId", event.serviceRecordId());
        document.put("stationId", event.stationId());
        document.put("stationName", event.stationName());
        document.put("district", event.district());
        document.put("voided", false);
        pending().add(BulkOperation.of(operation -> operation.index(request -> request
                .index(index.alias()).id(event.serviceRecordId()).document(document))));
    }

    @EventHandler
    void on(ServiceRecordCorrected event) {
        update(event.serviceRecordId(), details(event.corrected()));
    }

    @EventHandler
    void on(ServiceRecordVoided event) {
        update(event.serviceRecordId(), Map.of("voided", true));
    }

    @ResetHandler
    void reset() {
        index.recreate();
    }

    private void update(String id, Map<String, Object> fields) {
        pending().add(BulkOperation.of(operation -> operation.update(request -> request
                .index(index.alias()).id(id).action(action -> action.doc(fields)))));
    }

    /** The fields a service record's details give its document (null values clear a field). */
    private static Map<String, Object> details(ServiceDetails details) {
        Map<String, Object> document = new HashMap<>();
        document.put("stationPoint", details.stationPoint().name());
        document.put("projectCode", details.projectCode());
        document.put("projectName", details.projectName());
        document.put("providerKind", details.provider().kind().name());
        document.put("providerMemberId", details.provider().memberId());
        document.put("providerName", details.provider().name());
        document.put("deliveredAt", details.deliveredAt().toString());
        document.put("participantCount", details.participantCount());
        document.put("description", details.description());
        document.put("outcome", details.outcome());
        document.put("satisfaction", details.satisfaction());
        document.put("feedback", details.feedback());
        return document;
    }

    /** The bulk operations of the current batch, sent once when the batch commits. */
    private List<BulkOperation> pending() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, key -> {
            List<BulkOperation> operations = new ArrayList<>();
            batch.onPrepareCommit(committing -> send(operations));
            return operations;
        });
    }

    private void send(List<BulkOperation> operations) {
        if (operations.isEmpty()) {
            return;
        }
        index.ensureExists();
        try {
            BulkResponse response = client.get().bulk(request -> request.operations(operations));
            if (response.errors()) {
                BulkResponseItem failed = response.items().stream().filter(item -> item.error() != null)
                        .findFirst().orElseThrow();
                throw new IllegalStateException("search index refused " + failed.operationType() + " of "
                        + failed.id() + ": " + failed.error().reason());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search index unreachable", e);
        }
    }
}
