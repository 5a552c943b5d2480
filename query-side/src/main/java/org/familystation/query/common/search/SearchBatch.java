package org.familystation.query.common.search;

import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a search projection writes, one bulk request per batch of events: the writes of the batch being handled
 * are collected and sent when the batch commits. If the request fails, the batch (and its token) is rolled back
 * and retried, so nothing is lost. Writes set absolute values and events of one aggregate arrive in order, so a
 * redelivered batch leaves the same documents.
 * <p>
 * Writes go through the index's write alias. While the index is being rebuilt (the write alias points at the new
 * index), a new event — not one being replayed — is also written to the index searches still read, so that searches
 * stay current until the swap; those copies are best effort (logged, never failing the batch), since the rebuilt
 * index is the one that must be right.
 */
@Component
public class SearchBatch {

    private static final Logger log = LoggerFactory.getLogger(SearchBatch.class);
    private static final String PENDING = SearchBatch.class.getName() + ".pending.";

    private final SearchClient client;

    public SearchBatch(SearchClient client) {
        this.client = client;
    }

    /** The writes of one batch to one index: through the write alias, and the copies for the index being read. */
    private record Pending(List<BulkOperation> writes, List<BulkOperation> liveCopies, Set<String> mayBeMissing) {
    }

    /** Writes the whole document (creating or replacing it). */
    public void index(SearchIndex index, String id, Map<String, Object> document, ReplayStatus replay) {
        Pending pending = pending(index);
        pending.writes().add(indexing(index.writeAlias(), id, document));
        if (!replay.isReplay() && index.rebuilding()) {
            pending.liveCopies().add(indexing(index.alias(), id, document));
        }
    }

    /** Sets some fields of a document (a null value clears a field). */
    public void update(SearchIndex index, String id, Map<String, Object> fields, ReplayStatus replay) {
        Pending pending = pending(index);
        pending.writes().add(updating(index.writeAlias(), id, fields));
        if (!replay.isReplay() && index.rebuilding()) {
            pending.liveCopies().add(updating(index.alias(), id, fields));
        }
    }

    /**
     * Sets some fields of a document if the index has it: an erasure of personal data names a subject that may
     * never have had a document.
     */
    public void updateIfPresent(SearchIndex index, String id, Map<String, Object> fields, ReplayStatus replay) {
        pending(index).mayBeMissing().add(id);
        update(index, id, fields, replay);
    }

    private static BulkOperation indexing(String target, String id, Map<String, Object> document) {
        return BulkOperation.of(operation -> operation.index(request -> request.index(target).id(id)
                .document(document)));
    }

    private static BulkOperation updating(String target, String id, Map<String, Object> fields) {
        return BulkOperation.of(operation -> operation.update(request -> request.index(target).id(id)
                .action(action -> action.doc(fields))));
    }

    /** The bulk operations of the current batch for that index, sent once when the batch commits. */
    private Pending pending(SearchIndex index) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING + index.alias(), key -> {
            Pending operations = new Pending(new ArrayList<>(), new ArrayList<>(), new HashSet<>());
            batch.onPrepareCommit(committing -> send(index, operations));
            return operations;
        });
    }

    private void send(SearchIndex index, Pending operations) {
        if (operations.writes().isEmpty()) {
            return;
        }
        index.ensureExists();
        BulkResponseItem failed = bulk(operations.writes(), operations.mayBeMissing());
        if (failed != null) {
            throw new IllegalStateException("search index " + index.writeAlias() + " refused "
                    + failed.operationType() + " of " + failed.id() + ": " + failed.error().reason());
        }
        if (!operations.liveCopies().isEmpty()) {
            BulkResponseItem copyFailed = bulk(operations.liveCopies(), operations.mayBeMissing());
            if (copyFailed != null) {
                log.warn("search index {} (being replaced by a rebuild) refused {} of {}: {}", index.alias(),
                        copyFailed.operationType(), copyFailed.id(), copyFailed.error().reason());
            }
        }
    }

    /** Sends the operations; answers the first that failed (but for a missing document that may be), or null. */
    private BulkResponseItem bulk(List<BulkOperation> operations, Set<String> mayBeMissing) {
        try {
            BulkResponse response = client.get().bulk(request -> request.operations(operations));
            if (!response.errors()) {
                return null;
            }
            return response.items().stream().filter(item -> item.error() != null)
                    .filter(item -> !("document_missing_exception".equals(item.error().type())
                            && mayBeMissing.contains(item.id())))
                    .findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException("search index unreachable", e);
        }
    }
}
