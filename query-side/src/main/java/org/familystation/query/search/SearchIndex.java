package org.familystation.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.indices.CreateIndexRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.familystation.query.common.PageOf;
import org.familystation.query.common.Paging;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * A search index reached through an alias, so that it can be rebuilt into a new index and swapped in. Each index
 * names its alias and the resource with its settings and mappings (under {@code search/}); this class creates it
 * on first use, recreates it on a reset, and runs searches against it.
 */
public class SearchIndex {

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Turns one hit (its stored document, highlighted passages and score) into what a search answers. */
    @FunctionalInterface
    public interface HitReader<T> {
        @SuppressWarnings("rawtypes")
        T read(Map source, Map<String, List<String>> highlights, Double score);
    }

    private final SearchClient client;
    private final String alias;
    private final String definitionResource;
    private final int replicas;
    private final Clock clock;
    private volatile boolean ready;

    protected SearchIndex(SearchClient client, String alias, String definitionResource, int replicas, Clock clock) {
        this.client = client;
        this.alias = alias;
        this.definitionResource = definitionResource;
        this.replicas = replicas;
        this.clock = clock;
    }

    public String alias() {
        return alias;
    }

    /** Makes sure the alias points at an index, creating the first one if there is none. */
    public void ensureExists() {
        if (ready) {
            return;
        }
        synchronized (this) {
            try {
                ElasticsearchClient es = client.get();
                if (!es.indices().existsAlias(request -> request.name(alias)).value()) {
                    create(es);
                }
                ready = true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Drops whatever the alias points at and starts an empty index behind it (a full replay refills it). */
    public void recreate() {
        synchronized (this) {
            try {
                ElasticsearchClient es = client.get();
                if (es.indices().existsAlias(request -> request.name(alias)).value()) {
                    var indices = es.indices().getAlias(request -> request.name(alias)).result().keySet();
                    for (String index : indices) {
                        es.indices().delete(request -> request.index(index));
                    }
                }
                create(es);
                ready = true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * One page of the documents matching the query, best first when {@code byRelevance}, then newest first by
     * {@code dateField}, ties broken by {@code idField}; the {@code highlighted} fields' matches are marked
     * {@code <em>…</em>}.
     */
    public <T> PageOf<T> search(Query query, Paging paging, boolean byRelevance, String dateField, String idField,
                                List<String> highlighted, HitReader<T> reader) {
        ensureExists();
        try {
            @SuppressWarnings("rawtypes")
            SearchResponse<Map> response = client.get().search(request -> {
                request.index(alias)
                        .query(query)
                        .from(paging.offset())
                        .size(paging.size())
                        .trackTotalHits(total -> total.enabled(true))
                        .highlight(highlight -> {
                            highlight.preTags("<em>").postTags("</em>").numberOfFragments(3).fragmentSize(120);
                            highlighted.forEach(field -> highlight.fields(field, options -> options));
                            return highlight;
                        });
                if (byRelevance) {
                    request.sort(order -> order.score(score -> score.order(SortOrder.Desc)));
                }
                return request.sort(order -> order.field(field -> field.field(dateField).order(SortOrder.Desc)))
                        .sort(order -> order.field(field -> field.field(idField).order(SortOrder.Asc)));
            }, Map.class);
            List<T> hits = response.hits().hits().stream()
                    .map(hit -> reader.read(hit.source(), hit.highlight(), hit.score())).toList();
            long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
            return new PageOf<>(hits, paging.page(), paging.size(), total);
        } catch (IOException e) {
            throw new UncheckedIOException("search index unreachable", e);
        }
    }

    private void create(ElasticsearchClient es) throws IOException {
        String name = alias + "-" + SUFFIX.format(clock.instant());
        es.indices().create(new CreateIndexRequest.Builder()
                .index(name)
                .withJson(new StringReader(definition()))
                .aliases(alias, a -> a.isWriteIndex(true))
                .build());
    }

    /** The index definition, with the configured number of replicas. */
    private String definition() throws IOException {
        try (InputStream resource = getClass().getResourceAsStream(definitionResource)) {
            if (resource == null) {
                throw new IllegalStateException("no index definition " + definitionResource);
            }
            ObjectNode definition = (ObjectNode) JSON.readTree(resource);
            ((ObjectNode) definition.get("settings")).put("number_of_replicas", replicas);
            return JSON.writeValueAsString(definition);
        }
    }
}
