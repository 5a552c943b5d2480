package org.familystation.query.servicerecord;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import org.familystation.query.common.PageOf;
import org.familystation.query.common.Paging;
import org.familystation.query.common.Period;
import org.familystation.query.common.QueryProperties;
import org.familystation.query.common.search.SearchQueries;
import org.familystation.query.reach.Reaches;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.familystation.query.common.search.SearchQueries.intField;
import static org.familystation.query.common.search.SearchQueries.stringField;

/** Full-text search of service records, in Chinese, with the matching rules of {@link SearchQueries}. */
@RestController
public class ServiceRecordSearchController {

    private static final List<String> TEXT_FIELDS = List.of(
            "description", "outcome", "feedback", "projectName", "stationName", "providerName");
    private static final List<String> WORD_FIELDS = List.of("description.words", "outcome.words", "feedback.words");
    private static final List<String> HIGHLIGHTED = List.of("description", "outcome", "feedback");

    private final ServiceRecordIndex index;
    private final QueryProperties properties;

    private final Reaches reaches;

    public ServiceRecordSearchController(ServiceRecordIndex index, QueryProperties properties, Reaches reaches) {
        this.index = index;
        this.properties = properties;
        this.reaches = reaches;
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
        String text = SearchQueries.text(q);
        boolean byRelevance = SearchQueries.byRelevance(sort);
        Paging paging = Paging.of(page, size);
        Period period = Period.ofDays(from, to, properties.getTimeZone());
        BoolQuery.Builder query = new BoolQuery.Builder();
        SearchQueries.notVoided(query);
        SearchQueries.within(query, reaches.current());
        SearchQueries.filter(query, "district", district);
        SearchQueries.filter(query, "stationId", stationId);
        SearchQueries.filter(query, "projectCode", projectCode);
        SearchQueries.filter(query, "providerMemberId", providerMemberId);
        SearchQueries.between(query, "deliveredAt", period.start(), period.end());
        SearchQueries.everyWord(query, text, TEXT_FIELDS, WORD_FIELDS);
        return index.search(query.build()._toQuery(), paging, byRelevance, "deliveredAt", "serviceRecordId",
                HIGHLIGHTED, SearchQueries.highlighting(text, HIGHLIGHTED), ServiceRecordSearchController::hit);
    }

    @SuppressWarnings("rawtypes")
    private static SearchHit hit(Map source, Map<String, List<String>> highlights, Double score) {
        String deliveredAt = stringField(source, "deliveredAt");
        return new SearchHit(stringField(source, "serviceRecordId"), stringField(source, "stationId"),
                stringField(source, "stationName"), stringField(source, "district"),
                stringField(source, "stationPoint"), stringField(source, "projectCode"),
                stringField(source, "projectName"), stringField(source, "providerName"),
                deliveredAt == null ? null : Instant.parse(deliveredAt), intField(source, "participantCount"),
                intField(source, "satisfaction"), stringField(source, "description"), highlights, score);
    }
}
