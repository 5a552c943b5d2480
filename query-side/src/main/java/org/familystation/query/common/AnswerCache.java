package org.familystation.query.common;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Answers of dashboard queries, reused while the read models they were computed from are unchanged: an answer
 * served from here is never older than the read model itself, on any node.
 *
 * <p>"Unchanged" is checked in the token store with one query, the <em>version</em> of the processing groups whose
 * tables the answer reads: the stored token of each of their segments, and the dead letters parked for them.
 * <ul>
 *     <li>A projection commits its token in the same transaction as its writes, so every write changes the version.
 *     The stored token is compared, not only its position: an event committed into a gap of the global sequence is
 *     applied without moving the position, but the token's list of gaps changes.</li>
 *     <li>A rebuild resets the tokens in the transaction in which the projection empties its tables.</li>
 *     <li>A dead letter retried through the admin API is applied without any token moving; it then leaves the
 *     queue. Axon evicts it in a transaction of its own right after the handler's, so for those few milliseconds
 *     an answer cached before the retry may still be served.</li>
 * </ul>
 * The version is read before the answer is computed, so a write committed in between only makes the kept answer
 * newer than its version, never older; that version is then already gone, and the answer is not served again. A
 * read-model table changed by hand (not by its projection) while the application runs is not noticed.
 */
@Component
public class AnswerCache {

    /** Tokens: one md5 per segment. Dead letters: how many, and an md5 of their ids (a retried letter leaves). */
    private static final String VERSION = """
            SELECT coalesce((SELECT string_agg(processor_name || '/' || segment || '=' || coalesce(md5(token), '-'),
                                               ' ' ORDER BY processor_name, segment)
                             FROM token_entry WHERE processor_name IN (:groups)), '')
                || ' letters=' || (SELECT count(*) || '/' || coalesce(md5(string_agg(dead_letter_identifier, ' '
                                                                      ORDER BY dead_letter_identifier)), '-')
                                   FROM dead_letter_entry WHERE processing_group IN (:groups))""";

    private final Function<Collection<String>, String> versionOf;
    private final int size;
    /** The latest answer of each request, least recently used first; guarded by itself. */
    private final Map<List<?>, Answer> answers;

    @Autowired
    public AnswerCache(NamedParameterJdbcTemplate jdbc, QueryProperties properties) {
        this(groups -> jdbc.queryForObject(VERSION, new MapSqlParameterSource("groups", groups), String.class),
                properties.getAnswerCacheSize());
    }

    /**
     * @param versionOf what identifies the current state of the read models of these processing groups
     * @param size      how many answers are kept at most, least recently used dropped first; 0 (or less) keeps none
     */
    AnswerCache(Function<Collection<String>, String> versionOf, int size) {
        this.versionOf = versionOf;
        this.size = size;
        this.answers = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<List<?>, Answer> eldest) {
                return size() > AnswerCache.this.size;
            }
        };
    }

    /**
     * The answer to the request: the one kept, when the read models it reads are still at the version it was
     * computed at; otherwise computed now and kept.
     *
     * @param readModels the processing groups ({@link ProcessingGroups}) whose tables {@code compute} reads
     * @param request    the query's name and every parameter its answer depends on (nulls allowed), for example
     *                   {@code Arrays.asList("summary", district, from, to)}
     */
    @SuppressWarnings("unchecked")
    public <T> T answer(Collection<String> readModels, List<?> request, Supplier<T> compute) {
        if (size <= 0) {
            return compute.get();
        }
        String version = versionOf.apply(readModels);
        Answer kept;
        synchronized (answers) {
            kept = answers.get(request);
        }
        if (kept != null && kept.version().equals(version)) {
            return (T) kept.value();
        }
        T value = compute.get();
        synchronized (answers) {
            answers.put(request, new Answer(version, value));
        }
        return value;
    }

    private record Answer(String version, Object value) {
    }
}
