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
 * Answers of dashboard queries, reused while the read models they were computed from are unchanged (the version of the
 * tokens of their processing groups' processors and of the groups' dead letters, one token-store query): an answer
 * served from here is never older than the read model itself, on any node. Kept because the benchmark's profile asked
 * for it (dashboard p95 178 → 26 ms at 20k events); why it is never stale: docs/design/answer-cache.md.
 */
@Component
public class AnswerCache {

    /** Tokens: one md5 per segment. Dead letters: how many, and an md5 of their ids (a retried letter leaves). */
    private static final String VERSION = """
            SELECT coalesce((SELECT string_agg(processor_name || '/' || segment || '=' || coalesce(md5(token), '-'),
                                               ' ' ORDER BY processor_name, segment)
                             FROM token_entry WHERE processor_name IN (:processors)), '')
                || ' letters=' || (SELECT count(*) || '/' || coalesce(md5(string_agg(dead_letter_identifier, ' '
                                                                      ORDER BY dead_letter_identifier)), '-')
                                   FROM dead_letter_entry WHERE processing_group IN (:groups))""";

    private final Function<Collection<String>, String> versionOf;
    private final int size;
    /** The latest answer of each request, least recently used first; guarded by itself. */
    private final Map<List<?>, Answer> answers;

    @Autowired
    public AnswerCache(NamedParameterJdbcTemplate jdbc, QueryProperties properties) {
        this(groups -> jdbc.queryForObject(VERSION, new MapSqlParameterSource("groups", groups)
                        .addValue("processors", ProcessingGroups.processorsOf(groups)), String.class),
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
