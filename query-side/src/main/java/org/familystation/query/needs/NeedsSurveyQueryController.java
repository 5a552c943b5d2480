package org.familystation.query.needs;

import org.familystation.events.common.SurveyChannel;
import org.familystation.platform.error.DomainException;
import org.familystation.query.common.PageOf;
import org.familystation.query.common.PagedQuery;
import org.familystation.query.common.Paging;
import org.familystation.query.common.QueryRefusals;
import org.familystation.query.common.Sql;
import org.familystation.query.reach.Reaches;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Needs surveys: one survey, and a community home's surveys in a period. */
@RestController
public class NeedsSurveyQueryController {

    private static final RowMapper<NeedsSurveyView> ROW = (row, index) -> {
        SurveyChannel channel = SurveyChannel.valueOf(row.getString("channel"));
        return new NeedsSurveyView(row.getString("survey_id"), row.getString("community_home_id"),
                row.getString("community_home_name"), row.getString("district"),
                row.getDate("surveyed_on").toLocalDate(), channel, channel.label(), row.getInt("respondent_count"),
                List.of(), row.getString("free_text"), Sql.instant(row, "recorded_at"),
                row.getInt("correction_count"), row.getBoolean("voided"), row.getString("void_reason"));
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final Reaches reaches;

    public NeedsSurveyQueryController(NamedParameterJdbcTemplate jdbc, Reaches reaches) {
        this.jdbc = jdbc;
        this.reaches = reaches;
    }

    @GetMapping("/api/needs-surveys/{surveyId}")
    public NeedsSurveyView survey(@PathVariable String surveyId) {
        MapSqlParameterSource id = new MapSqlParameterSource("id", surveyId);
        String inReach = reaches.current().units("community_home_id", id);
        NeedsSurveyView survey = jdbc.query("SELECT * FROM rm_needs_survey WHERE survey_id = :id AND " + inReach,
                        id, ROW).stream().findFirst()
                .orElseThrow(() -> DomainException.refuse(QueryRefusals.NEEDS_SURVEY_NOT_FOUND, surveyId));
        return withNeeds(List.of(survey)).get(0);
    }

    /** A community home's surveys, newest first; {@code from} and {@code to} are survey days (both included). */
    @GetMapping("/api/units/{homeId}/needs-surveys")
    public PageOf<NeedsSurveyView> homeSurveys(
            @PathVariable String homeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "false") boolean includeVoided,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (from != null && to != null && from.isAfter(to)) {
            throw DomainException.refuseField(QueryRefusals.PERIOD_INVALID, "from");
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("home", homeId)
                .addValue("from", from)
                .addValue("to", to)
                .addValue("includeVoided", includeVoided);
        String inReach = reaches.current().units("community_home_id", parameters);
        PageOf<NeedsSurveyView> surveys = PagedQuery.page(jdbc, "rm_needs_survey", """
                        WHERE community_home_id = :home
                          AND (CAST(:from AS DATE) IS NULL OR surveyed_on >= :from)
                          AND (CAST(:to AS DATE) IS NULL OR surveyed_on <= :to)
                          AND (:includeVoided OR NOT voided)
                          AND\s""" + inReach,
                "surveyed_on DESC, recorded_at DESC, survey_id", parameters, Paging.of(page, size), ROW);
        return surveys.withItems(withNeeds(surveys.items()));
    }

    /** The surveys with their needs, read in one query. */
    private List<NeedsSurveyView> withNeeds(List<NeedsSurveyView> surveys) {
        if (surveys.isEmpty()) {
            return surveys;
        }
        Map<String, List<NeedsSurveyView.Need>> needs = new HashMap<>();
        jdbc.query("""
                        SELECT survey_id, category_code, category_name, need_count FROM rm_needs_survey_need
                        WHERE survey_id IN (:ids) ORDER BY category_code""",
                new MapSqlParameterSource("ids", surveys.stream().map(NeedsSurveyView::surveyId).toList()),
                row -> {
                    needs.computeIfAbsent(row.getString("survey_id"), id -> new ArrayList<>())
                            .add(new NeedsSurveyView.Need(row.getString("category_code"),
                                    row.getString("category_name"), row.getInt("need_count")));
                });
        return surveys.stream().map(survey -> survey.withNeeds(needs.getOrDefault(survey.surveyId(), List.of())))
                .toList();
    }
}
