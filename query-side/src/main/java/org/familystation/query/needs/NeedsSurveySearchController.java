package org.familystation.query.needs;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import org.familystation.events.common.SurveyChannel;
import org.familystation.platform.error.DomainException;
import org.familystation.query.common.PageOf;
import org.familystation.query.common.Paging;
import org.familystation.query.common.QueryRefusals;
import org.familystation.query.common.search.SearchQueries;
import org.familystation.query.reach.Reaches;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.familystation.query.common.search.SearchQueries.intField;
import static org.familystation.query.common.search.SearchQueries.stringField;

/**
 * Full-text search of needs surveys (what respondents said, the categories named, the home), in Chinese, with the
 * same matching rules as service records ({@link SearchQueries}).
 */
@RestController
public class NeedsSurveySearchController {

    private static final List<String> TEXT_FIELDS = List.of("freeText", "categoryNames", "communityHomeName");
    private static final List<String> WORD_FIELDS = List.of("freeText.words");
    private static final List<String> HIGHLIGHTED = List.of("freeText");

    private final NeedsSurveyIndex index;

    private final Reaches reaches;

    public NeedsSurveySearchController(NeedsSurveyIndex index, Reaches reaches) {
        this.index = index;
        this.reaches = reaches;
    }

    /**
     * @param q    words to find (separated by spaces; all must occur); empty lists everything that matches the filters
     * @param from first survey day, included
     * @param to   last survey day, included
     * @param sort {@code relevance} (default) or {@code date} (newest first)
     */
    @GetMapping("/api/needs-surveys/search")
    public PageOf<NeedsSurveyHit> search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String district,
            @RequestParam(required = false) String communityHomeId,
            @RequestParam(required = false) String categoryCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "relevance") String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        String text = SearchQueries.text(q);
        boolean byRelevance = SearchQueries.byRelevance(sort);
        Paging paging = Paging.of(page, size);
        if (from != null && to != null && from.isAfter(to)) {
            throw DomainException.refuseField(QueryRefusals.PERIOD_INVALID, "from");
        }
        BoolQuery.Builder query = new BoolQuery.Builder();
        SearchQueries.notVoided(query);
        SearchQueries.within(query, reaches.current());
        SearchQueries.filter(query, "district", district);
        SearchQueries.filter(query, "communityHomeId", communityHomeId);
        SearchQueries.filter(query, "categoryCodes", categoryCode);
        SearchQueries.between(query, "surveyedOn", from, to == null ? null : to.plusDays(1));
        SearchQueries.everyWord(query, text, TEXT_FIELDS, WORD_FIELDS);
        return index.search(query.build()._toQuery(), paging, byRelevance, "surveyedOn", "surveyId", HIGHLIGHTED,
                SearchQueries.highlighting(text, HIGHLIGHTED), NeedsSurveySearchController::hit);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static NeedsSurveyHit hit(Map source, Map<String, List<String>> highlights, Double score) {
        String surveyedOn = stringField(source, "surveyedOn");
        String channel = stringField(source, "channel");
        Object codes = source.get("categoryCodes");
        return new NeedsSurveyHit(stringField(source, "surveyId"), stringField(source, "communityHomeId"),
                stringField(source, "communityHomeName"), stringField(source, "district"),
                surveyedOn == null ? null : LocalDate.parse(surveyedOn), channel,
                channel == null ? null : SurveyChannel.valueOf(channel).label(),
                intField(source, "respondentCount"), codes == null ? List.of() : List.copyOf((List<String>) codes),
                stringField(source, "freeText"), highlights, score);
    }
}
