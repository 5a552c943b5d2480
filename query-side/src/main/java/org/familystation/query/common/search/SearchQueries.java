package org.familystation.query.common.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.json.JsonData;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.error.Refusal;
import org.familystation.query.reach.Reach;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The matching rules every search shares. Every word of the query (words are separated by spaces) must occur in
 * the document as written: a phrase over character bigrams, so "心理" finds 心理咨询 but never a document that merely
 * has 心 or 理 apart. Which documents match is all the phrases decide; the order by relevance comes from where the
 * words stand as whole words (smartcn) in the narrative texts, the others following newest first.
 */
public final class SearchQueries {

    static final int MAX_QUERY = 200;
    /** Any run of spaces: ASCII, the full-width space (U+3000) Chinese input methods type, no-break, thin, …. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
    static final Refusal QUERY_TOO_LONG = Refusal.invalidInput("QUERY_TOO_LONG",
            "搜索词过长（最多 %s 个字）", "the search text is too long (at most %s characters)");
    static final Refusal SORT_UNKNOWN = Refusal.invalidInput("SORT_UNKNOWN",
            "排序方式“%s”未知（可选：relevance、date）", "sort \"%s\" is unknown (relevance or date)");

    private SearchQueries() {
    }

    /**
     * The query text as sent, checked, in its compatibility form (NFKC: full-width letters, digits and the
     * full-width space become their ordinary forms, as {@code cjk_width} does in the index) and with its spaces,
     * whatever their kind, made one ASCII space each.
     */
    public static String text(String q) {
        if (q.length() > MAX_QUERY) {
            throw DomainException.refuseField(QUERY_TOO_LONG, "q", MAX_QUERY);
        }
        return SPACES.matcher(Normalizer.normalize(q, Normalizer.Form.NFKC)).replaceAll(" ").strip();
    }

    /** The words of a query text, split on any Unicode space. */
    static List<String> words(String text) {
        return Arrays.stream(SPACES.split(text)).filter(word -> !word.isEmpty()).toList();
    }

    /** Whether results are ordered by relevance ({@code relevance}) or newest first ({@code date}). */
    public static boolean byRelevance(String sort) {
        if (!sort.equals("relevance") && !sort.equals("date")) {
            throw DomainException.refuseField(SORT_UNKNOWN, "sort", sort);
        }
        return sort.equals("relevance");
    }

    /**
     * Requires every word of {@code text} in one of the {@code textFields} (bigram-analysed), and ranks by the
     * matches in the {@code wordFields} (smartcn-analysed). Empty text requires nothing.
     * <p>
     * The phrases are filters: they decide what is found and add nothing to the score, so a record found only
     * through a name (its project 心理咨询) or inside a longer word follows those that say the word, newest first.
     * Scored, each phrase counted every occurrence of the word in each of the fields of every match, the main cost of a
     * search: 3.9 ms of Elasticsearch's CPU per search at 1M records, 2.7 ms as filters (BENCHMARKS.md, "Search ranks
     * by whole words").
     */
    public static void everyWord(BoolQuery.Builder bool, String text, List<String> textFields,
                                 List<String> wordFields) {
        words(text).forEach(word ->
                bool.filter(filter -> filter.multiMatch(match -> match.query(word).type(TextQueryType.Phrase)
                        .fields(textFields))));
        if (!text.isEmpty()) {
            bool.should(should -> should.multiMatch(match -> match.query(text).fields(wordFields)));
        }
    }

    /**
     * What highlighting marks: each word of {@code text} as a phrase in the {@code highlighted} fields, nothing else;
     * null for empty text, which marks nothing. Highlighting with the whole query instead made Elasticsearch weigh,
     * for every hit and highlighted field, every searched field, the whole-word ranking and the filters: about half
     * of a search's time, only to mark the same words.
     */
    public static Query highlighting(String text, List<String> highlighted) {
        List<Query> phrases = words(text).stream()
                .map(word -> Query.of(query -> query.multiMatch(match -> match.query(word)
                        .type(TextQueryType.Phrase).fields(highlighted))))
                .toList();
        return phrases.isEmpty() ? null : Query.of(query -> query.bool(bool -> bool.should(phrases)));
    }

    /**
     * Leaves out voided documents. Written as "not voided" rather than "voided is false": nearly every document is
     * not voided, and a filter that matches nearly everything is walked document by document beside the words (a
     * tenth of a search's time at 1M records in Elasticsearch's profile), while the few voided ones are skipped
     * cheaply. Every document has the field (the projections write {@code voided: false}), so both say the same.
     */
    public static void notVoided(BoolQuery.Builder bool) {
        bool.mustNot(Query.of(query -> query.term(term -> term.field("voided").value(FieldValue.TRUE))));
    }

    /** Only documents whose {@code field} has exactly this value; nothing when the value is null. */
    public static void filter(BoolQuery.Builder bool, String field, Object value) {
        if (value != null) {
            FieldValue fieldValue = value instanceof Boolean flag ? FieldValue.of(flag) : FieldValue.of(value.toString());
            bool.filter(Query.of(query -> query.term(term -> term.field(field).value(fieldValue))));
        }
    }

    /**
     * Only documents in the reach: those whose {@code unitPath} (their home and every unit above it) holds the
     * user's unit; every document with the whole network in reach; none for a user who reads no station's data.
     */
    public static void within(BoolQuery.Builder bool, Reach reach) {
        if (!reach.stationSide()) {
            bool.filter(Query.of(query -> query.matchNone(none -> none)));
        } else if (!reach.wholeNetwork()) {
            filter(bool, "unitPath", reach.unitId());
        }
    }

    /** Only documents whose date {@code field} is from {@code start} (included) until {@code end} (excluded). */
    public static void between(BoolQuery.Builder bool, String field, Object start, Object end) {
        if (start == null && end == null) {
            return;
        }
        bool.filter(filter -> filter.range(range -> range.untyped(dates -> {
            dates.field(field);
            if (start != null) {
                dates.gte(JsonData.of(start.toString()));
            }
            if (end != null) {
                dates.lt(JsonData.of(end.toString()));
            }
            return dates;
        })));
    }

    @SuppressWarnings("rawtypes")
    public static String stringField(Map source, String field) {
        Object value = source.get(field);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("rawtypes")
    public static Integer intField(Map source, String field) {
        Object value = source.get(field);
        return value == null ? null : ((Number) value).intValue();
    }
}
