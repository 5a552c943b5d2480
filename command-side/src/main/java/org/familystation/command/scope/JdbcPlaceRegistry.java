package org.familystation.command.scope;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.familystation.command.common.CommandRegistries;
import org.familystation.command.common.Registry;
import org.familystation.events.common.UnitLevel;
import org.familystation.events.funding.FundsAllocated;
import org.familystation.events.needs.NeedsSurveyRecorded;
import org.familystation.events.people.SocialWorkerAssigned;
import org.familystation.events.people.SocialWorkerRecruited;
import org.familystation.events.people.SocialWorkerReleased;
import org.familystation.events.referral.CaseReferred;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The place registry in PostgreSQL: units ({@code cmd_org_unit}), stations and service records from their
 * registries, and the places of needs surveys, referrals, allocations and social workers, which this class keeps
 * from their events ({@code cmd_needs_survey}, {@code cmd_referral}, {@code cmd_fund_allocation},
 * {@code cmd_social_worker}).
 *
 * <p>Units never move and never change level, so a unit's level and ancestors, once found, are kept in memory: the
 * check of a command costs one query for its target, none for the caller.
 */
@Component
@ProcessingGroup(CommandRegistries.PROCESSING_GROUP)
@Registry(tables = {"cmd_needs_survey", "cmd_referral", "cmd_fund_allocation", "cmd_social_worker"},
        version = 1)
public class JdbcPlaceRegistry implements PlaceRegistry {

    private final JdbcTemplate jdbc;
    private final Map<String, UnitLevel> levels = new ConcurrentHashMap<>();
    private final Map<String, List<String>> ancestors = new ConcurrentHashMap<>();

    public JdbcPlaceRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Location> locate(Place.Thing place) {
        if (place instanceof Place.Unit unit) {
            return unitOf("SELECT unit_id FROM cmd_org_unit WHERE unit_id = ?", unit.unitId());
        }
        if (place instanceof Place.Station station) {
            return unitOf("SELECT community_home_id FROM cmd_station WHERE station_id = ?", station.stationId());
        }
        if (place instanceof Place.ServiceRecord record) {
            return unitOf("""
                    SELECT s.community_home_id FROM cmd_service_record r JOIN cmd_station s USING (station_id)
                    WHERE r.service_record_id = ?""", record.serviceRecordId());
        }
        if (place instanceof Place.NeedsSurvey survey) {
            return unitOf("SELECT community_home_id FROM cmd_needs_survey WHERE survey_id = ?", survey.surveyId());
        }
        if (place instanceof Place.Referral referral) {
            return jdbc.query("""
                            SELECT s.community_home_id, r.centre FROM cmd_referral r
                            JOIN cmd_station s USING (station_id) WHERE r.referral_id = ?""",
                    (row, index) -> new Location(row.getString(1), row.getString(2)), referral.referralId())
                    .stream().findFirst();
        }
        // An allocation to a project, or a social worker not assigned, has no station: the whole network's.
        if (place instanceof Place.Allocation allocation) {
            return unitOf("""
                            SELECT s.community_home_id FROM cmd_fund_allocation a
                            LEFT JOIN cmd_station s USING (station_id) WHERE a.fund_id = ? AND a.allocation_id = ?""",
                    allocation.fundId(), allocation.allocationId());
        }
        Place.SocialWorker worker = (Place.SocialWorker) place;
        return unitOf("""
                SELECT s.community_home_id FROM cmd_social_worker w
                LEFT JOIN cmd_station s USING (station_id) WHERE w.social_worker_id = ?""", worker.socialWorkerId());
    }

    private Optional<Location> unitOf(String sql, Object... arguments) {
        return jdbc.query(sql, (row, index) -> new Location(row.getString(1), null), arguments).stream().findFirst();
    }

    @Override
    public Optional<UnitLevel> level(String unitId) {
        UnitLevel known = levels.get(unitId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<UnitLevel> found = jdbc.query("SELECT level FROM cmd_org_unit WHERE unit_id = ?",
                (row, index) -> UnitLevel.valueOf(row.getString(1)), unitId).stream().findFirst();
        found.ifPresent(level -> levels.put(unitId, level));
        return found;
    }

    @Override
    public List<String> unitAndAncestors(String unitId) {
        List<String> known = ancestors.get(unitId);
        if (known != null) {
            return known;
        }
        List<String> found = jdbc.queryForList("""
                WITH RECURSIVE up (unit_id, parent_id, depth) AS (
                    SELECT unit_id, parent_id, 0 FROM cmd_org_unit WHERE unit_id = ?
                    UNION ALL
                    SELECT u.unit_id, u.parent_id, up.depth + 1 FROM cmd_org_unit u JOIN up ON u.unit_id = up.parent_id
                )
                SELECT unit_id FROM up ORDER BY depth""", String.class, unitId);
        if (!found.isEmpty()) {
            ancestors.put(unitId, List.copyOf(found));
        }
        return found;
    }

    @EventHandler
    void on(NeedsSurveyRecorded event) {
        jdbc.update("INSERT INTO cmd_needs_survey (survey_id, community_home_id) VALUES (?, ?)"
                + " ON CONFLICT (survey_id) DO NOTHING", event.surveyId(), event.communityHomeId());
    }

    @EventHandler
    void on(CaseReferred event) {
        jdbc.update("INSERT INTO cmd_referral (referral_id, station_id, centre) VALUES (?, ?, ?)"
                        + " ON CONFLICT (referral_id) DO NOTHING",
                event.referralId(), event.stationId(), event.centre().name());
    }

    @EventHandler
    void on(FundsAllocated event) {
        jdbc.update("INSERT INTO cmd_fund_allocation (fund_id, allocation_id, station_id) VALUES (?, ?, ?)"
                        + " ON CONFLICT (fund_id, allocation_id) DO NOTHING",
                event.fundId(), event.allocationId(), event.stationId());
    }

    @EventHandler
    void on(SocialWorkerRecruited event) {
        jdbc.update("INSERT INTO cmd_social_worker (social_worker_id) VALUES (?)"
                + " ON CONFLICT (social_worker_id) DO NOTHING", event.socialWorkerId());
    }

    @EventHandler
    void on(SocialWorkerAssigned event) {
        jdbc.update("UPDATE cmd_social_worker SET station_id = ? WHERE social_worker_id = ?",
                event.stationId(), event.socialWorkerId());
    }

    @EventHandler
    void on(SocialWorkerReleased event) {
        jdbc.update("UPDATE cmd_social_worker SET station_id = NULL WHERE social_worker_id = ?",
                event.socialWorkerId());
    }
}
