package org.familystation.query.common.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.indices.CreateIndexRequest;
import co.elastic.clients.elasticsearch.indices.TranslogDurability;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.familystation.platform.error.Dependency;
import org.familystation.platform.error.DependencyUnavailableException;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.error.Refusal;
import org.familystation.query.common.PageOf;
import org.familystation.query.common.ReadModelWait;
import org.familystation.query.common.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A search index reached through two aliases, so that it can be rebuilt blue/green: searches read through the
 * alias ({@code service-records}), the projection writes through the write alias ({@code service-records-write}).
 * Normally both point at the same concrete index ({@code service-records-20261129-100000-000}). A rebuild creates a
 * new index and moves only the write alias to it, so the replay fills the new index while searches go on reading
 * the old one; once the replay has caught up, one {@code _aliases} request moves the read alias over and the old
 * index is deleted. Where writes go is kept in Elasticsearch itself (the aliases), so a node that restarts in the
 * middle of a rebuild, and every other node, writes where the replay does. Each index names its alias and the
 * resource with its settings and mappings (under {@code search/}).
 */
public class SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);
    /** Reads the index definitions, whose settings are explained in {@code //} comments. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();
    /** How long {@link #finishRebuild()} waits for the rebuilt index's replicas before it takes the read alias. */
    private static final String REPLICAS_TIMEOUT = "60s";
    /** How long {@link #rebuilding()} trusts what it last read from the aliases. */
    private static final long REBUILDING_CACHE_NANOS = 1_000_000_000L;
    /** The size of the segments a rebuilt index is merged into ({@link #mergedSegments}). */
    static final long MERGED_SEGMENT_BYTES = 2L << 30;

    /**
     * How deep a search pages: Elasticsearch's {@code index.max_result_window}, which answers an error beyond it.
     * Nobody reads 10,000 hits page by page; a narrower query finds what they look for.
     */
    static final int RESULT_WINDOW = 10_000;
    static final Refusal PAGE_BEYOND_SEARCH_WINDOW = Refusal.invalidInput("PAGE_BEYOND_SEARCH_WINDOW",
            "搜索结果只能翻到前 %s 条（本页大小下最后一页为 page=%s）：请缩小查询范围，例如加上关键词、驿站、区或日期范围",
            "search results page only through the first %s hits (with this page size the last page is page=%s):"
                    + " narrow the query, e.g. with words, a station, a district or a date range");

    /** Turns one hit (its stored document, highlighted passages and score) into what a search answers. */
    @FunctionalInterface
    public interface HitReader<T> {
        @SuppressWarnings("rawtypes")
        T read(Map source, Map<String, List<String>> highlights, Double score);
    }

    private final SearchClient client;
    private final String alias;
    private final String writeAlias;
    private final String definitionResource;
    private final int replicas;
    private final String refreshInterval;
    private final Clock clock;
    private volatile boolean ready;
    private volatile boolean rebuilding;
    private volatile long rebuildingReadAt;
    /** A refresh of this node's begun after the read side had reached this event position has completed. */
    private final AtomicLong refreshedUpTo = new AtomicLong(-1);

    protected SearchIndex(SearchClient client, String alias, String definitionResource, int replicas,
                          Duration refreshInterval, Clock clock) {
        this.client = client;
        this.alias = alias;
        this.writeAlias = alias + "-write";
        this.definitionResource = definitionResource;
        this.replicas = replicas;
        this.refreshInterval = refreshInterval.toMillis() + "ms";
        this.clock = clock;
    }

    /** The alias searches read through. */
    public String alias() {
        return alias;
    }

    /** The alias the projection writes through: during a rebuild, the new index. */
    public String writeAlias() {
        return writeAlias;
    }

    /**
     * Makes sure both aliases point at an index, creating the first one if there is none (an index made before
     * the write alias existed gets it). An existing index gains the fields the definition added since it was made
     * (documents indexed before lack them until the index is rebuilt) and the configured refresh interval.
     */
    public void ensureExists() {
        if (ready) {
            return;
        }
        synchronized (this) {
            try {
                ElasticsearchClient es = client.get();
                if (!exists(es, alias)) {
                    createFirst(es);
                } else if (!exists(es, writeAlias)) {
                    String current = single(indices(es, alias));
                    es.indices().updateAliases(update -> update.actions(action -> action.add(add -> add
                            .index(current).alias(writeAlias))));
                }
                if (exists(es, alias)) {
                    String mappings = JSON.writeValueAsString(JSON.readTree(definition(false)).get("mappings"));
                    es.indices().putMapping(put -> put.index(alias, writeAlias)
                            .withJson(new StringReader(mappings)));
                    es.indices().putSettings(put -> put.index(alias).settings(index -> index
                            .refreshInterval(interval -> interval.time(refreshInterval))));
                }
                ready = true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Starts a rebuild: a new, empty index takes the write alias (in one {@code _aliases} request) while the read
     * alias stays on the old one. An index left by an unfinished earlier rebuild is deleted.
     */
    public void prepareRebuild() {
        synchronized (this) {
            try {
                ElasticsearchClient es = client.get();
                ensureExists();
                Set<String> reading = indices(es, alias);
                Set<String> writing = indices(es, writeAlias);
                String fresh = newName();
                create(es, fresh, false, true);
                es.indices().updateAliases(update -> {
                    writing.forEach(old -> update.actions(action -> action.remove(remove -> remove
                            .index(old).alias(writeAlias))));
                    return update.actions(action -> action.add(add -> add.index(fresh).alias(writeAlias)));
                });
                for (String abandoned : writing) {
                    if (!reading.contains(abandoned)) {
                        es.indices().delete(delete -> delete.index(abandoned));
                    }
                }
                rebuilding = true;
                rebuildingReadAt = System.nanoTime();
                log.info("Rebuilding search index {} into {}; searches read {} until it has caught up", alias, fresh,
                        reading);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Ends a rebuild whose replay has caught up: the new index gets the settings of a live index back (see
     * {@link #definition}), waits for its replicas, is refreshed and takes the read alias from the old one in one
     * {@code _aliases} request (searches never see neither or both), then the old index is deleted.
     */
    public void finishRebuild() {
        synchronized (this) {
            try {
                ElasticsearchClient es = client.get();
                Set<String> reading = indices(es, alias);
                String fresh = single(indices(es, writeAlias));
                if (reading.equals(Set.of(fresh))) {
                    return;
                }
                es.indices().putSettings(settings -> settings.index(fresh).settings(index -> index
                        .refreshInterval(interval -> interval.time(refreshInterval))
                        .numberOfReplicas(Integer.toString(replicas))
                        .translog(translog -> translog.durability(TranslogDurability.Request))));
                if (replicas > 0) {
                    HealthStatus status = es.cluster().health(health -> health.index(fresh)
                            .waitForStatus(HealthStatus.Green).timeout(time -> time.time(REPLICAS_TIMEOUT))).status();
                    if (status != HealthStatus.Green) {
                        log.warn("Rebuilt search index {} is {} after {}: it takes the read alias with replicas "
                                + "still missing", fresh, status, REPLICAS_TIMEOUT);
                    }
                }
                es.indices().refresh(refresh -> refresh.index(fresh));
                es.indices().updateAliases(update -> {
                    reading.forEach(old -> update.actions(action -> action.remove(remove -> remove
                            .index(old).alias(alias))));
                    return update.actions(action -> action.add(add -> add.index(fresh).alias(alias)));
                });
                for (String old : reading) {
                    es.indices().delete(delete -> delete.index(old));
                }
                rebuilding = false;
                log.info("Search index {} now reads the rebuilt {}; deleted {}", alias, fresh, reading);
                mergeRebuilt(es, fresh);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Asks Elasticsearch to merge a just rebuilt index into {@link #mergedSegments few segments}, in the background
     * (a task; searches read the index meanwhile, and live writes go on adding small segments that the merge policy
     * handles as usual). Filled in bulk without refreshes, a rebuilt index ends with the segments its indexing buffer
     * happened to flush (18 at 1M records), and every search visits each one: merged into one, the same searches
     * took a sixth less time (285 → 346 searches/s, 16 clients straight to Elasticsearch; BENCHMARKS.md). A
     * merge that cannot be asked for now is only logged: the index is complete either way.
     */
    private void mergeRebuilt(ElasticsearchClient es, String fresh) {
        try {
            var stats = es.indices().stats(request -> request.index(fresh)).indices().get(fresh);
            long bytes = stats == null || stats.primaries() == null || stats.primaries().store() == null ? 0
                    : stats.primaries().store().sizeInBytes();
            long segments = mergedSegments(bytes);
            es.indices().forcemerge(merge -> merge.index(fresh).maxNumSegments(segments).waitForCompletion(false));
            log.info("Merging the rebuilt search index {} ({} MB) into {} segment(s) in the background", fresh,
                    bytes >> 20, segments);
        } catch (IOException | ElasticsearchException e) {
            log.warn("Could not ask Elasticsearch to merge the rebuilt index {}; searches read it unmerged", fresh, e);
        }
    }

    /**
     * Segments of at most {@value #MERGED_SEGMENT_BYTES} bytes: well below the 5 GB beyond which Elasticsearch's merge
     * policy stops merging a segment with others, so that the merged segments still take part in later merges (and
     * shed what later updates and voids delete). One below that size.
     */
    static long mergedSegments(long storeBytes) {
        return Math.max(1, (storeBytes + MERGED_SEGMENT_BYTES - 1) / MERGED_SEGMENT_BYTES);
    }

    /** Gives up a rebuild that never began replaying: the write alias returns to the index searches read. */
    public void abandonRebuild() {
        synchronized (this) {
            try {
                ElasticsearchClient es = client.get();
                Set<String> reading = indices(es, alias);
                Set<String> writing = indices(es, writeAlias);
                if (reading.isEmpty() || reading.equals(writing)) {
                    return;
                }
                String current = single(reading);
                es.indices().updateAliases(update -> {
                    writing.forEach(fresh -> update.actions(action -> action.remove(remove -> remove
                            .index(fresh).alias(writeAlias))));
                    return update.actions(action -> action.add(add -> add.index(current).alias(writeAlias)));
                });
                for (String fresh : writing) {
                    es.indices().delete(delete -> delete.index(fresh));
                }
                rebuilding = false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Whether a rebuild is under way (the aliases point at different indexes), as last read at most a second ago:
     * new events are then written to the index searches read as well, so that it stays current until the swap.
     */
    public boolean rebuilding() {
        if (System.nanoTime() - rebuildingReadAt > REBUILDING_CACHE_NANOS) {
            try {
                ElasticsearchClient es = client.get();
                rebuilding = !indices(es, alias).equals(indices(es, writeAlias));
                rebuildingReadAt = System.nanoTime();
            } catch (IOException e) {
                // Asked from an event handler: failing here would park the event as a dead letter, though nothing is
                // wrong with it. The last answer stands; the batch's bulk write then fails on the unreachable server
                // and the whole batch is retried (SearchBatch).
                log.debug("search index {} unreachable; still taking rebuilding={}", alias, rebuilding, e);
            }
        }
        return rebuilding;
    }

    /** The concrete indexes behind the alias (the read alias and the write alias). */
    public Set<String> indices(String aliasName) {
        try {
            return indices(client.get(), aliasName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A query that waited for an event position ({@link ReadModelWait}) finds the documents indexed up to it: they
     * become searchable at the index's next refresh (each second), so refresh now unless a refresh that began after
     * that position was reached has already completed (one refresh serves every query asking for an older position).
     */
    private void refreshForReadYourWrites() throws IOException {
        OptionalLong reached = ReadModelWait.reached();
        if (reached.isPresent() && reached.getAsLong() > refreshedUpTo.get()) {
            client.forQueries().indices().refresh(refresh -> refresh.index(alias));
            refreshedUpTo.accumulateAndGet(reached.getAsLong(), Math::max);
        }
    }

    /**
     * One page of the documents matching the query, best first when {@code byRelevance}, then newest first by
     * {@code dateField}, ties broken by {@code idField}; what {@code highlighting} finds in the {@code highlighted}
     * fields is marked {@code <em>…</em>} in text that is otherwise HTML-escaped (nothing when it is null; see
     * {@link SearchQueries#highlighting} and {@link Highlights}).
     */
    public <T> PageOf<T> search(Query query, Paging paging, boolean byRelevance, String dateField, String idField,
                                List<String> highlighted, Query highlighting, HitReader<T> reader) {
        if (paging.offset() + paging.size() > RESULT_WINDOW) {
            throw DomainException.refuseField(PAGE_BEYOND_SEARCH_WINDOW, "page", RESULT_WINDOW,
                    (RESULT_WINDOW / paging.size()) - 1);
        }
        long start = System.nanoTime();
        String outcome = "error";
        try {
            ensureExists();
            refreshForReadYourWrites();
            @SuppressWarnings("rawtypes")
            SearchResponse<Map> response = client.forQueries().search(request -> {
                request.index(alias)
                        .query(query)
                        .from((int) paging.offset()) // within the window, checked above
                        .size(paging.size())
                        // Counted exactly: counting only as far as the window (as PagedQuery counts lists) made
                        // relevance-sorted searches 5-18% slower at 1M records and date-sorted ones 7-27% faster
                        // (BENCHMARKS.md, "Audit pages counted only so far"), and users read the exact number.
                        .trackTotalHits(total -> total.enabled(true));
                if (highlighting != null) {
                    request.highlight(highlight -> {
                        highlight.preTags(Highlights.START).postTags(Highlights.END).numberOfFragments(3).fragmentSize(120)
                                .highlightQuery(highlighting);
                        highlighted.forEach(field -> highlight.fields(field, options -> options));
                        return highlight;
                    });
                }
                if (byRelevance) {
                    request.sort(order -> order.score(score -> score.order(SortOrder.Desc)));
                }
                return request.sort(order -> order.field(field -> field.field(dateField).order(SortOrder.Desc)))
                        .sort(order -> order.field(field -> field.field(idField).order(SortOrder.Asc)));
            }, Map.class);
            List<T> hits = response.hits().hits().stream()
                    .map(hit -> reader.read(hit.source(), Highlights.escaped(hit.highlight()), hit.score())).toList();
            long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
            outcome = "ok";
            return new PageOf<>(hits, paging.page(), paging.size(), total);
        } catch (IOException | UncheckedIOException e) {
            // Refused, reset or timed out: the server is down or stuck, not the query wrong.
            outcome = "unavailable";
            throw new DependencyUnavailableException(Dependency.SEARCH, e);
        } catch (ElasticsearchException e) {
            if (e.status() == 503 || e.status() == 429) {
                // No shard to answer (a node down, the cluster red) or too busy.
                outcome = "unavailable";
                throw new DependencyUnavailableException(Dependency.SEARCH, e);
            }
            throw e;
        } finally {
            client.searchTimer(alias, outcome).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private String newName() {
        return alias + "-" + SUFFIX.format(clock.instant());
    }

    /**
     * Creates the first index, under a name every node derives alike: when several nodes start on a fresh install at
     * once, one creates it and the others' requests are refused as "already exists", which is what they wanted. (With
     * a name of each node's own, each created an index with both aliases, and every write through the alias, now on
     * two indexes, was refused.) A later rebuild's index has a name of its own; only the first is shared.
     */
    private void createFirst(ElasticsearchClient es) throws IOException {
        try {
            create(es, alias + "-first", true, false);
        } catch (ElasticsearchException e) {
            if (e.error() == null || !"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
            if (!exists(es, alias)) {
                throw new IllegalStateException("index " + alias + "-first exists without the alias " + alias
                        + ": an index left from an earlier installation? Delete it or give it the alias.", e);
            }
            log.info("Search index {} was created by another node", alias + "-first");
        }
    }

    /** Creates a concrete index, with both aliases when it is the first; a rebuild's is set up for the replay. */
    private void create(ElasticsearchClient es, String name, boolean withAliases, boolean forReplay)
            throws IOException {
        CreateIndexRequest.Builder request = new CreateIndexRequest.Builder()
                .index(name)
                .withJson(new StringReader(definition(forReplay)));
        if (withAliases) {
            request.aliases(alias, a -> a).aliases(writeAlias, a -> a);
        }
        es.indices().create(request.build());
    }

    private static boolean exists(ElasticsearchClient es, String aliasName) throws IOException {
        return es.indices().existsAlias(request -> request.name(aliasName)).value();
    }

    private static Set<String> indices(ElasticsearchClient es, String aliasName) throws IOException {
        if (!exists(es, aliasName)) {
            return Set.of();
        }
        return Set.copyOf(es.indices().getAlias(request -> request.name(aliasName)).result().keySet());
    }

    private String single(Set<String> indices) {
        if (indices.size() != 1) {
            throw new IllegalStateException("expected one index behind " + alias + ", found " + indices);
        }
        return indices.iterator().next();
    }

    /**
     * The index definition, with the configured replicas and refresh interval. A rebuild's index is set up to be
     * filled fast, and {@link #finishRebuild()} restores these three settings before searches read it: no refreshes
     * (nothing searches it until the swap, which refreshes it), no replicas (copied once at the end instead of
     * indexing every document twice), and the translog synced every 5 s instead of on every bulk request (should
     * Elasticsearch itself crash meanwhile, the last seconds of the replay's writes may be lost while its tokens are
     * past them: start the rebuild again; searches meanwhile read the old index, which is durable as always).
     */
    private String definition(boolean forReplay) throws IOException {
        try (InputStream resource = getClass().getResourceAsStream(definitionResource)) {
            if (resource == null) {
                throw new IllegalStateException("no index definition " + definitionResource);
            }
            ObjectNode definition = (ObjectNode) JSON.readTree(resource);
            ObjectNode settings = (ObjectNode) definition.get("settings");
            settings.put("number_of_replicas", replicas);
            settings.put("refresh_interval", refreshInterval);
            if (forReplay) {
                settings.put("refresh_interval", "-1");
                settings.put("number_of_replicas", 0);
                settings.put("translog.durability", "async");
            }
            return JSON.writeValueAsString(definition);
        }
    }
}
