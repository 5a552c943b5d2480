package org.familystation.query.people;

import org.familystation.events.common.SocialWorkerQualification;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.personaldata.Phones;
import org.familystation.query.common.PageOf;
import org.familystation.query.common.PagedQuery;
import org.familystation.query.common.Paging;
import org.familystation.query.common.QueryRefusals;
import org.familystation.query.common.Sql;
import org.familystation.query.reach.Reaches;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Social workers: a filtered list, one social worker, and the social workers serving at a station. */
@RestController
public class SocialWorkerQueryController {

    private static final RowMapper<SocialWorkerView> ROW = (row, index) -> {
        String qualification = row.getString("qualification");
        SocialWorkerQualification level = qualification == null ? null
                : SocialWorkerQualification.valueOf(qualification);
        return new SocialWorkerView(row.getString("social_worker_id"), row.getString("name"),
                Phones.forCurrentUser(row.getString("phone")),
                level, level == null ? null : level.label(), row.getString("headquarters_id"),
                row.getString("headquarters_name"), Sql.instant(row, "recruited_at"), row.getString("station_id"),
                row.getString("station_name"), row.getString("district"), Sql.instant(row, "assigned_at"),
                Sql.instant(row, "released_at"), row.getString("release_reason"), row.getLong("services"));
    };

    private static final String SOCIAL_WORKERS = ServicesNamed.withServices("rm_social_worker", "social_worker_id",
            ServicePeopleProjection.SOCIAL_WORKER);

    private final NamedParameterJdbcTemplate jdbc;
    private final Reaches reaches;

    public SocialWorkerQueryController(NamedParameterJdbcTemplate jdbc, Reaches reaches) {
        this.jdbc = jdbc;
        this.reaches = reaches;
    }

    /**
     * @param assigned true: only those serving at a station now; false: only those waiting for an assignment
     */
    @GetMapping("/api/social-workers")
    public PageOf<SocialWorkerView> socialWorkers(@RequestParam(required = false) String stationId,
                                                  @RequestParam(required = false) String district,
                                                  @RequestParam(required = false) Boolean assigned,
                                                  @RequestParam(defaultValue = "0") int page,
                                                  @RequestParam(defaultValue = "20") int size) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("station", stationId)
                .addValue("district", district)
                .addValue("assigned", assigned);
        String inReach = reaches.current().stations("station_id", parameters);
        return PagedQuery.page(jdbc, SOCIAL_WORKERS, """
                        WHERE (CAST(:station AS VARCHAR) IS NULL OR station_id = :station)
                          AND (CAST(:district AS VARCHAR) IS NULL OR district = :district)
                          AND (CAST(:assigned AS BOOLEAN) IS NULL OR (station_id IS NOT NULL) = :assigned)
                          AND\s""" + inReach,
                "name, social_worker_id", parameters, Paging.of(page, size), ROW);
    }

    @GetMapping("/api/social-workers/{socialWorkerId}")
    public SocialWorkerView socialWorker(@PathVariable String socialWorkerId) {
        MapSqlParameterSource id = new MapSqlParameterSource("id", socialWorkerId);
        String inReach = reaches.current().stations("station_id", id);
        return jdbc.query("SELECT * FROM " + SOCIAL_WORKERS + " WHERE social_worker_id = :id AND " + inReach, id, ROW)
                .stream().findFirst()
                .orElseThrow(() -> DomainException.refuse(QueryRefusals.SOCIAL_WORKER_NOT_FOUND, socialWorkerId));
    }

    /** The social workers assigned to the station now (a handful per station), longest-serving first. */
    @GetMapping("/api/stations/{stationId}/social-workers")
    public List<SocialWorkerView> atStation(@PathVariable String stationId) {
        MapSqlParameterSource station = new MapSqlParameterSource("station", stationId);
        String inReach = reaches.current().stations("station_id", station);
        return jdbc.query("SELECT * FROM " + SOCIAL_WORKERS + " WHERE station_id = :station AND " + inReach
                + " ORDER BY assigned_at, social_worker_id", station, ROW);
    }
}
