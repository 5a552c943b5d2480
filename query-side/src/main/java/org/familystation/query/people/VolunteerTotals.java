package org.familystation.query.people;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A volunteer's totals ({@code rm_volunteer}) and dashboard counters ({@code rm_volunteer_hours_stats}), computed
 * again from their entries in {@code rm_volunteer_hours} that stand (not on a voided service). Computing rather than
 * adding makes the totals the same whatever order the volunteer's, the services' and the voidings' events arrive in
 * (they belong to different aggregates, so different segments), and the same again when an event is redelivered.
 */
@Component
class VolunteerTotals {

    private final JdbcTemplate jdbc;

    VolunteerTotals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void refresh(String volunteerId) {
        jdbc.update("""
                UPDATE rm_volunteer v SET minutes = t.minutes, services = t.services
                FROM (SELECT coalesce(sum(minutes), 0) AS minutes, count(DISTINCT service_record_id) AS services
                      FROM rm_volunteer_hours WHERE volunteer_id = ? AND NOT voided) t
                WHERE v.volunteer_id = ?""", volunteerId, volunteerId);
        jdbc.update("DELETE FROM rm_volunteer_hours_stats WHERE volunteer_id = ?", volunteerId);
        jdbc.update("""
                INSERT INTO rm_volunteer_hours_stats (volunteer_id, station_id, month, volunteer_name,
                    volunteer_number, station_name, district, minutes, services)
                SELECT h.volunteer_id, h.station_id, h.month, v.name, v.volunteer_number, max(h.station_name),
                       max(h.district), sum(h.minutes), count(DISTINCT h.service_record_id)
                FROM rm_volunteer_hours h LEFT JOIN rm_volunteer v ON v.volunteer_id = h.volunteer_id
                WHERE h.volunteer_id = ? AND NOT h.voided
                GROUP BY h.volunteer_id, h.station_id, h.month, v.name, v.volunteer_number""", volunteerId);
    }
}
