package org.familystation.app.operations;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.familystation.app.support.ApplicationTest;
import org.familystation.query.common.search.SearchClient;
import org.familystation.query.common.search.SearchIndex;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several nodes starting on a fresh install make the search index at the same moment (the soak found two indexes
 * behind one alias, every write refused): here four "nodes" — four index objects, so no lock of one JVM is shared —
 * make one on the real Elasticsearch at once, and there is one index behind both aliases, written through. And a
 * node starting with another refresh interval gives it to the live index.
 */
class SearchIndexStartTest extends ApplicationTest {

    @Autowired
    SearchClient client;

    @Test
    void nodesStartingAtOnceMakeOneIndex() throws Exception {
        String alias = "start-race-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        int nodes = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        List<SearchIndex> indexes = new ArrayList<>();
        try {
            List<Future<?>> started = new ArrayList<>();
            for (int node = 0; node < nodes; node++) {
                SearchIndex index = index(alias, Duration.ofSeconds(1));
                indexes.add(index);
                started.add(pool.submit(() -> {
                    start.await();
                    index.ensureExists();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> node : started) {
                node.get();
            }
            ElasticsearchClient es = client.get();
            assertThat(es.indices().getAlias(request -> request.name(alias)).result().keySet()).hasSize(1);
            assertThat(es.indices().getAlias(request -> request.name(alias + "-write")).result().keySet())
                    .isEqualTo(es.indices().getAlias(request -> request.name(alias)).result().keySet());
            es.index(request -> request.index(alias + "-write").id("one").document(Map.of("description", "写入")));
        } finally {
            pool.shutdownNow();
            TestIndexes.deleteBehind(client.get(), alias);
        }
    }

    @Test
    void theConfiguredRefreshIntervalReachesTheLiveIndexAtStartAndAfterARebuild() throws Exception {
        String alias = "refresh-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        try {
            SearchIndex before = index(alias, Duration.ofSeconds(1));
            before.ensureExists();
            assertThat(refreshIntervals(alias)).containsOnly("1000ms");

            SearchIndex restarted = index(alias, Duration.ofMillis(400));
            restarted.ensureExists();
            assertThat(refreshIntervals(alias)).containsOnly("400ms");

            restarted.prepareRebuild();
            assertThat(refreshIntervals(alias + "-write")).containsOnly("-1");
            restarted.finishRebuild();
            assertThat(refreshIntervals(alias)).containsOnly("400ms");
        } finally {
            TestIndexes.deleteBehind(client.get(), alias);
        }
    }

    private SearchIndex index(String alias, Duration refreshInterval) {
        return new SearchIndex(client, alias, "/search/service-records-index.json", 0, refreshInterval,
                Clock.systemUTC()) {
        };
    }

    private List<String> refreshIntervals(String alias) throws Exception {
        return client.get().indices().getSettings(request -> request.index(alias)).result().values().stream()
                .map(state -> state.settings().index().refreshInterval().time())
                .toList();
    }
}
