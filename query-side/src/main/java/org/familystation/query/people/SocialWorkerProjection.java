package org.familystation.query.people;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.familystation.events.people.SocialWorkerAssigned;
import org.familystation.events.people.SocialWorkerRecruited;
import org.familystation.events.people.SocialWorkerReleased;
import org.familystation.events.personaldata.DataSubjectKind;
import org.familystation.events.personaldata.PersonalDataErased;
import org.familystation.query.common.ErasedColumns;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds {@code rm_social_worker}: each social worker and the station they serve now. A change applies only when
 * its event is newer than what the row reflects, so redelivery changes nothing.
 */
@Component
@ProcessingGroup(ProcessingGroups.PEOPLE)
public class SocialWorkerProjection {

    private final JdbcTemplate jdbc;

    public SocialWorkerProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SocialWorkerRecruited event, @SequenceNumber long sequence) {
        jdbc.update("""
                INSERT INTO rm_social_worker (social_worker_id, name, phone, qualification, headquarters_id,
                                              headquarters_name, recruited_at, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (social_worker_id) DO NOTHING""",
                event.socialWorkerId(), event.name(), event.phone(),
                event.qualification() == null ? null : event.qualification().name(), event.headquartersId(),
                event.headquartersName(), Sql.timestamp(event.recruitedAt()), sequence);
    }

    @EventHandler
    void on(SocialWorkerAssigned event, @SequenceNumber long sequence) {
        Sql.updateIfNewer(jdbc, "rm_social_worker", "social_worker_id", event.socialWorkerId(), sequence,
                "station_id = ?, station_name = ?, district = ?, assigned_at = ?", event.stationId(),
                event.stationName(), event.district(), Sql.timestamp(event.assignedAt()));
    }

    @EventHandler
    void on(SocialWorkerReleased event, @SequenceNumber long sequence) {
        Sql.updateIfNewer(jdbc, "rm_social_worker", "social_worker_id", event.socialWorkerId(), sequence,
                "station_id = NULL, station_name = NULL, district = NULL, assigned_at = NULL, released_at = ?,"
                        + " release_reason = ?", Sql.timestamp(event.releasedAt()), event.reason());
    }

    @EventHandler
    void on(PersonalDataErased event) {
        if (event.subjectKind() == DataSubjectKind.SOCIAL_WORKER) {
            ErasedColumns.erase(jdbc, "rm_social_worker", "social_worker_id", event.subjectId(),
                    "name", "phone", "release_reason");
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_social_worker");
    }
}
