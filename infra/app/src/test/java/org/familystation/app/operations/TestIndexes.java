package org.familystation.app.operations;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The indexes a test made behind its own alias, deleted after it. */
final class TestIndexes {

    private TestIndexes() {
    }

    /** Deletes every index named after {@code alias}: by name, as the server refuses wildcards for deletes. */
    static void deleteBehind(ElasticsearchClient es, String alias) throws IOException {
        List<String> made = new ArrayList<>(es.indices().get(request -> request.index(alias + "-*")).result()
                .keySet());
        if (!made.isEmpty()) {
            es.indices().delete(request -> request.index(made));
        }
    }
}
