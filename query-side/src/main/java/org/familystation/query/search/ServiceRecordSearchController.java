package org.familystation.query.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.JsonData;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.error.Refusal;
import org.familystation.query.common.PageOf;
import org.familystation.query.common.Paging;
import org.familystation.query.common.Period;
import org.familystation.query.common.QueryProperties;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Full-text search of service records, in Chinese. Every word of the query must occur in the record as written
 * (a phrase over character bigrams, so "心理" finds 心理咨询 but never a record that merely has 心 or 理 apart);
 * records where the words also stand as whole words (smartcn) rank higher.
 */
@RestController
public class ServiceRecordSearchController {

    static final int MAX_QUERY = 200;
    static final Refusal QUERY_TOO_LONG = Refusal.invalidInput("QUERY_TOO_LONG",
            "搜索词过长（最多 %s 个字）", "the search text is too long (at most %s characters)");
    static final Refusal SORT_UNKNOWN = Refusal.invalidInput("SORT_UNKNOWN",
            "排序方式“%s”未知（可选：relevance、date）", "sort \"%s\" is unknown (relevance or date)");

    private static final List<String> TEXT_FIELDS = List.of(
            "description", "outcome", "feedback", "projectName", "stationName", "providerName");
    private static final List<String> WORD_FIELDS = List.of("description.words", "outcome.words", "feedback.words");
    private static final List<String> HIGHLIGHTED = List.of("description", "outcome", "feedback");

    private final SearchClient client;
    private final ServiceRecordIndex index;
    private final QueryProperties properties;

    public ServiceRecordSearchController(SearchClient client, ServiceRecordIndex index, QueryProperties properties) {
        this.client = client;
        this.index = index;
        this.properties = properties;
    }

    /**
     * @param q    words to find (separated by spaces; all must occur); empty lists everything that matches the filters
     * @param from first day of delivery (users' calendar), included
     * @param to   last day of delivery, included
     * @param sort {@code relevance} (default) or {@code date} (newest first)
     */
    @GetMapping("/api/service-records/search")
    public PageOf<SearchHit> search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String district,
            @RequestParam(required = false) String stationId,
            @RequestParam(required = false) String projectCode,
            @RequestParam(required = false) String providerMemberId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "relevance") String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (q.length() > MAX_QUERY) {
            throw DomainException.refuseField(QUERY_TOO_LONG, "q", MAX_QUERY);
        }
        if (!sort.equals("relevance") && !sort.equals("date")) {
            throw DomainException.refuseField(SORT_UNKNOWN, "sort", sort);
        }
        Paging paging = Paging.of(page, size);
        Period period = Period.ofDays(from, to, properties.getTimeZone());
        Query query = query(q.strip(), district, stationId, projectCode, providerMemberId, period);
        index.ensureExists();
        try {
            @SuppressWarnings("rawtypes")
            SearchResponse<Map> response = client.get().search(request -> {
                request.index(index.alias())
                        .query(query)
                        .from(paging.offset())
                        .size(paging.size())
                        .trackTotalHits(total -> total.enabled(true))
                        .highlight(highlight -> {
                            highlight.preTags("<em>").postTags("</em>").numberOfFragments(3).fragmentSize(120);
                            HIGHLIGHTED.forEach(field -> highlight.fields(field, options -> options));
                            return highlight;
                        });
                if (sort.equals("relevance")) {
                    request.sort(order -> order.score(score -> score.order(SortOrder.Desc)));
                }
                return request.sort(order -> order.field(field -> field.field("deliveredAt").order(SortOrder.Desc)))
                        .sort(order -> order.field(field -> field.field("serviceRecordId").order(SortOrder.Asc)));
            }, Map.class);
            List<SearchHit> hits = response.hits().hits().stream().map(hit -> hit(hit.source(), hit.highlight(),
                    hit.score())).toList();
            long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
            return new PageOf<>(hits, paging.page(), paging.size(), total);
        } catch (IOException e) {
            throw new UncheckedIOException("search index unreachable", e);
        }
    }

    private static Query query(String text, String district, String stationId, String projectCode,
                               String providerMemberId, Period period) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        bool.filter(term("voided", FieldValue.of(false)));
        if (district != null) {
            bool.filter(term("district", FieldValue.of(district)));
        }
        if (stationId != null) {
            bool.filter(term("stationId", FieldValue.of(stationId)));
        }
        if (projectCode != null) {
            bool.filter(term("projectCode", FieldValue.of(projectCode)));
        }
        if (providerMemberId != null) {
            bool.filter(term("providerMemberId", FieldValue.of(providerMemberId)));
        }
        if (period.start() != null || period.end() != null) {
            bool.filter(filter -> filter.range(range -> range.untyped(dates -> {
                dates.field("deliveredAt");
                if (period.start() != null) {
                    dates.gte(JsonData.of(period.start().toString()));
                }
                if (period.end() != null) {
                    dates.lt(JsonData.of(period.end().toString()));
                }
                return dates;
            })));
        }
        Arrays.stream(text.split("\\s+")).filter(word -> !word.isEmpty()).forEach(word ->
                bool.must(must -> must.multiMatch(match -> match.query(word).type(TextQueryType.Phrase)
                        .fields(TEXT_FIELDS))));
        if (!text.isEmpty()) {
            bool.should(should -> should.multiMatch(match -> match.query(text).fields(WORD_FIELDS)));
        }
        return bool.build()._toQuery();
    }

    private static Query term(String field, FieldValue value) {
        return Query.of(query -> query.term(term -> term.field(field).value(value)));
    }

    @SuppressWarnings("rawtypes")
    private static SearchHit hit(Map source, Map<String, List<String>> highlights, Double score) {
        return new SearchHit(text(source, "serviceRecordId"), text(source, "stationId"), text(source, "stationName"),
                text(source, "district"), text(source, "stationPoint"), text(source, "projectCode"),
                text(source, "projectName"), text(source, "providerName"),
                source.get("deliveredAt") == null ? null : Instant.parse(text(source, "deliveredAt")),
                number(source, "participantCount"), number(source, "satisfaction"), text(source, "description"),
                highlights, score);
    }

    @SuppressWarnings("rawtypes")
    private static String text(Map source, String field) {
        Object value = source.get(field);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("rawtypes")
    private static Integer number(Map source, String field) {
        Object value = source.get(field);
        return value == null ? null : ((Number) value).intValue();
    }
}
