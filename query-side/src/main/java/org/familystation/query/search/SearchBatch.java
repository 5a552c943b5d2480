package org.familystation.query.search;

import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a search projection writes, one bulk request per batch of events: the writes of the batch being handled
 * are collected and sent when the batch commits. If the request fails, the batch (and its token) is rolled back
 * and retried, so nothing is lost. Writes set absolute values and events of one aggregate arrive in order, so a
 * redelivered batch leaves the same documents.
 */
@Component
public class SearchBatch {

    private static final String PENDING = SearchBatch.class.getName() + ".pending.";

    private final SearchClient client;

    public SearchBatch(SearchClient client) {
        this.client = client;
    }

    /** Writes the whole document (creating or replacing it). */
    public void index(SearchIndex index, String id, Map<String, Object> document) {
        pending(index).add(BulkOperation.of(operation -> operation.index(request -> request
                .index(index.alias()).id(id).document(document))));
    }

    /** Sets some fields of a document (a null value clears a field). */
    public void update(SearchIndex index, String id, Map<String, Object> fields) {
        pending(index).add(BulkOperation.of(operation -> operation.update(request -> request
                .index(index.alias()).id(id).action(action -> action.doc(fields)))));
    }

    /** The bulk operations of the current batch for that index, sent once when the batch commits. */
    private List<BulkOperation> pending(SearchIndex index) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING + index.alias(), key -> {
            List<BulkOperation> operations = new ArrayList<>();
            batch.onPrepareCommit(committing -> send(index, operations));
            return operations;
        });
    }

    private void send(SearchIndex index, List<BulkOperation> operations) {
        if (operations.isEmpty()) {
            return;
        }
        index.ensureExists();
        try {
            BulkResponse response = client.get().bulk(request -> request.operations(operations));
            if (response.errors()) {
                BulkResponseItem failed = response.items().stream().filter(item -> item.error() != null)
                        .findFirst().orElseThrow();
                throw new IllegalStateException("search index " + index.alias() + " refused "
                        + failed.operationType() + " of " + failed.id() + ": " + failed.error().reason());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search index unreachable", e);
        }
    }
}
