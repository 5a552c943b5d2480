package org.familystation.query.people;

import org.familystation.events.common.ProviderKind;
import org.familystation.platform.error.DomainException;
import org.familystation.query.common.QueryRefusals;
import org.familystation.query.people.ServicePeopleView.Person;
import org.familystation.query.people.ServicePeopleView.VolunteerOnService;
import org.familystation.query.reach.Reaches;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Who delivered a service: its social workers, staff and volunteers, with the volunteers' time on it. */
@RestController
public class ServicePeopleQueryController {

    private final NamedParameterJdbcTemplate jdbc;
    private final Reaches reaches;

    public ServicePeopleQueryController(NamedParameterJdbcTemplate jdbc, Reaches reaches) {
        this.jdbc = jdbc;
        this.reaches = reaches;
    }

    @GetMapping("/api/service-records/{serviceRecordId}/people")
    public ServicePeopleView people(@PathVariable String serviceRecordId) {
        MapSqlParameterSource id = new MapSqlParameterSource("id", serviceRecordId);
        String inReach = reaches.current().stations("station_id", id);
        return jdbc.query("SELECT * FROM rm_service_people WHERE service_record_id = :id AND " + inReach, id,
                        (row, index) -> view(serviceRecordId, row.getString("station_id"),
                                row.getString("station_name"), ProviderKind.valueOf(row.getString("provider_kind")),
                                row.getBoolean("voided")))
                .stream().findFirst()
                .orElseThrow(() -> DomainException.refuse(QueryRefusals.SERVICE_RECORD_NOT_FOUND, serviceRecordId));
    }

    private ServicePeopleView view(String serviceRecordId, String stationId, String stationName, ProviderKind kind,
                                   boolean voided) {
        MapSqlParameterSource id = new MapSqlParameterSource("id", serviceRecordId);
        List<Person> socialWorkers = jdbc.query("""
                SELECT p.person_id, w.name FROM rm_service_person p
                LEFT JOIN rm_social_worker w ON w.social_worker_id = p.person_id
                WHERE p.service_record_id = :id AND p.person_kind = 'SOCIAL_WORKER' ORDER BY w.name, p.person_id""",
                id, (row, index) -> new Person(row.getString(1), row.getString(2)));
        List<Person> staff = jdbc.query("""
                SELECT p.person_id, f.name FROM rm_service_person p
                LEFT JOIN rm_federation_staff f ON f.staff_id = p.person_id
                WHERE p.service_record_id = :id AND p.person_kind = 'STAFF' ORDER BY f.name, p.person_id""",
                id, (row, index) -> new Person(row.getString(1), row.getString(2)));
        List<VolunteerOnService> volunteers = jdbc.query("""
                SELECT h.volunteer_id, v.name, v.volunteer_number, h.minutes, h.source FROM rm_volunteer_hours h
                LEFT JOIN rm_volunteer v ON v.volunteer_id = h.volunteer_id
                WHERE h.service_record_id = :id ORDER BY h.minutes DESC, h.volunteer_id, h.source""",
                id, (row, index) -> new VolunteerOnService(row.getString(1), row.getString(2), row.getString(3),
                        row.getInt(4), Hours.of(row.getInt(4)), row.getString(5)));
        long minutes = voided ? 0 : volunteers.stream().mapToLong(VolunteerOnService::minutes).sum();
        return new ServicePeopleView(serviceRecordId, stationId, stationName, kind, voided, socialWorkers, staff,
                volunteers, minutes, Hours.of(minutes));
    }
}
