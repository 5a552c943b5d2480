package org.familystation.app.operations;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Eventually;
import org.familystation.query.common.search.SearchClient;
import org.familystation.query.common.search.SearchIndex;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuilt index is filled in bulk without refreshes and ends with the segments its indexing buffer flushed; once
 * searches read it, it is merged (in the background) so that a search visits few segments. On the real
 * Elasticsearch: a rebuild whose writes were flushed in four parts ends with one segment, every document searchable.
 */
class SearchIndexRebuildMergeTest extends ApplicationTest {

    @Autowired
    SearchClient client;

    @Test
    void aRebuiltIndexIsMergedOnceSearchesReadIt() throws Exception {
        String alias = "rebuild-merge-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        SearchIndex index = new SearchIndex(client, alias, "/search/service-records-index.json", 0,
                Duration.ofSeconds(1), Clock.systemUTC()) {
        };
        ElasticsearchClient es = client.get();
        try {
            index.ensureExists();
            index.prepareRebuild();
            String fresh = index.indices(index.writeAlias()).iterator().next();
            for (int part = 0; part < 4; part++) {
                for (int document = 0; document < 5; document++) {
                    String id = part + "-" + document;
                    es.index(request -> request.index(index.writeAlias()).id(id)
                            .document(Map.of("serviceRecordId", id, "description", "第" + id + "次心理咨询")));
                }
                es.indices().flush(request -> request.index(fresh)); // one segment per part
            }
            assertThat(segments(es, fresh)).as("segments before the merge").isEqualTo(4);

            index.finishRebuild();

            assertThat(index.indices(alias)).containsExactly(fresh);
            Eventually.assertThat(() -> assertThat(segments(es, fresh)).isEqualTo(1));
            assertThat(es.count(request -> request.index(alias)).count()).isEqualTo(20);
        } finally {
            TestIndexes.deleteBehind(es, alias);
        }
    }

    /** The index's searchable segments (those a search visits), after a refresh of what was flushed. */
    private static long segments(ElasticsearchClient es, String index) {
        try {
            es.indices().refresh(request -> request.index(index));
            return es.indices().stats(request -> request.index(index)).indices().get(index).primaries().segments()
                    .count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
