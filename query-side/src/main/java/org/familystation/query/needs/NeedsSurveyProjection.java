package org.familystation.query.needs;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.familystation.events.common.NeedCount;
import org.familystation.events.common.SurveyChannel;
import org.familystation.events.common.SurveyDetails;
import org.familystation.events.needs.NeedsSurveyCorrected;
import org.familystation.events.needs.NeedsSurveyRecorded;
import org.familystation.events.needs.NeedsSurveyVoided;
import org.familystation.events.personaldata.DataSubjectKind;
import org.familystation.events.personaldata.PersonalDataErased;
import org.familystation.query.common.BatchedProjection;
import org.familystation.query.common.CounterParts;
import org.familystation.query.common.ErasedColumns;
import org.familystation.query.common.ProcessingGroups;
import org.familystation.query.common.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.List;

/**
 * Builds {@code rm_needs_survey} with its needs, and the dashboard counters {@code rm_needs_stats} and
 * {@code rm_needs_survey_stats}. Counters change only when the survey's row actually changed (inserted, or updated
 * from an older sequence number), so redelivered events never count twice; a failing event is parked without
 * its writes ({@link org.familystation.query.common.ProjectionBatches}). A survey counts in the part of the counters
 * of its aggregate ({@link CounterParts}), so that segments never write the same counter row.
 */
@Component
// Batched: surveys by the thousand.
@BatchedProjection
@ProcessingGroup(ProcessingGroups.NEEDS)
public class NeedsSurveyProjection {

    private final JdbcTemplate jdbc;
    private final CounterParts parts;

    public NeedsSurveyProjection(JdbcTemplate jdbc, CounterParts parts) {
        this.jdbc = jdbc;
        this.parts = parts;
    }

    @EventHandler
    void on(NeedsSurveyRecorded event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        recorded(event, parts.of(aggregateId), sequence);
    }

    @EventHandler
    void on(NeedsSurveyCorrected event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        corrected(event, parts.of(aggregateId), sequence);
    }

    @EventHandler
    void on(NeedsSurveyVoided event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        voided(event, parts.of(aggregateId), sequence);
    }

    @EventHandler
    void on(PersonalDataErased event) {
        if (event.subjectKind() == DataSubjectKind.NEEDS_SURVEY) {
            ErasedColumns.erase(jdbc, "rm_needs_survey", "survey_id", event.subjectId(), "free_text");
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_needs_survey_need");
        jdbc.update("DELETE FROM rm_needs_survey");
        jdbc.update("DELETE FROM rm_needs_stats");
        jdbc.update("DELETE FROM rm_needs_survey_stats");
    }

    private void recorded(NeedsSurveyRecorded event, short part, long sequence) {
        SurveyDetails details = event.details();
        int inserted = jdbc.update("""
                INSERT INTO rm_needs_survey (survey_id, community_home_id, community_home_name, district, surveyed_on,
                    channel, respondent_count, free_text, recorded_at, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (survey_id) DO NOTHING""",
                event.surveyId(), event.communityHomeId(), event.communityHomeName(), event.district(),
                details.surveyedOn(), details.channel().name(), details.respondentCount(), details.freeText(),
                Sql.timestamp(event.recordedAt()), sequence);
        if (inserted == 1) {
            writeNeeds(event.surveyId(), details.needs());
            count(event.communityHomeId(), event.district(), details, part, +1);
        }
    }

    private void corrected(NeedsSurveyCorrected event, short part, long sequence) {
        Standing before = standing(event.surveyId(), sequence);
        if (before == null) {
            return;
        }
        SurveyDetails after = event.corrected();
        jdbc.update("""
                UPDATE rm_needs_survey SET surveyed_on = ?, channel = ?, respondent_count = ?, free_text = ?,
                    correction_count = correction_count + 1, last_sequence = ?
                WHERE survey_id = ?""",
                after.surveyedOn(), after.channel().name(), after.respondentCount(), after.freeText(), sequence,
                event.surveyId());
        jdbc.update("DELETE FROM rm_needs_survey_need WHERE survey_id = ?", event.surveyId());
        writeNeeds(event.surveyId(), after.needs());
        if (!before.voided()) {
            count(before.communityHomeId(), before.district(), before.details(), part, -1);
            count(before.communityHomeId(), before.district(), after, part, +1);
        }
    }

    private void voided(NeedsSurveyVoided event, short part, long sequence) {
        Standing before = standing(event.surveyId(), sequence);
        if (before == null) {
            return;
        }
        jdbc.update("UPDATE rm_needs_survey SET voided = TRUE, void_reason = ?, last_sequence = ? WHERE survey_id = ?",
                event.reason(), sequence, event.surveyId());
        if (!before.voided()) {
            count(before.communityHomeId(), before.district(), before.details(), part, -1);
        }
    }

    private void writeNeeds(String surveyId, List<NeedCount> needs) {
        jdbc.batchUpdate("INSERT INTO rm_needs_survey_need (survey_id, category_code, category_name, need_count)"
                        + " VALUES (?, ?, ?, ?)",
                needs.stream().map(need -> new Object[]{surveyId, need.categoryCode(), need.categoryName(),
                        need.count()}).toList());
    }

    /** What the survey counts as now, if the event at {@code sequence} is news to it (null otherwise). */
    private Standing standing(String surveyId, long sequence) {
        List<Standing> rows = jdbc.query("""
                SELECT community_home_id, district, surveyed_on, channel, respondent_count, voided
                FROM rm_needs_survey WHERE survey_id = ? AND last_sequence < ? FOR UPDATE""",
                (row, index) -> new Standing(row.getString("community_home_id"), row.getString("district"),
                        row.getBoolean("voided"),
                        new SurveyDetails(row.getDate("surveyed_on").toLocalDate(),
                                SurveyChannel.valueOf(row.getString("channel")), row.getInt("respondent_count"),
                                List.of(), null)),
                surveyId, sequence);
        if (rows.isEmpty()) {
            return null;
        }
        Standing standing = rows.get(0);
        List<NeedCount> needs = jdbc.query("SELECT category_code, category_name, need_count FROM rm_needs_survey_need"
                        + " WHERE survey_id = ?",
                (row, index) -> new NeedCount(row.getString(1), row.getString(2), row.getInt(3)), surveyId);
        SurveyDetails details = standing.details();
        return new Standing(standing.communityHomeId(), standing.district(), standing.voided(),
                new SurveyDetails(details.surveyedOn(), details.channel(), details.respondentCount(), needs, null));
    }

    /**
     * Adds the survey to its home's counters in {@code part} ({@code sign} -1: takes it away); kept per home and
     * part, summed when read.
     */
    private void count(String communityHomeId, String district, SurveyDetails details, short part, int sign) {
        String month = YearMonth.from(details.surveyedOn()).toString();
        jdbc.update("""
                INSERT INTO rm_needs_survey_stats (community_home_id, district, month, part, surveys, respondents)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (community_home_id, district, month, part) DO UPDATE SET
                    surveys = rm_needs_survey_stats.surveys + EXCLUDED.surveys,
                    respondents = rm_needs_survey_stats.respondents + EXCLUDED.respondents""",
                communityHomeId, district, month, part, sign, sign * details.respondentCount());
        for (NeedCount need : details.needs()) {
            jdbc.update("""
                    INSERT INTO rm_needs_stats (community_home_id, district, category_code, category_name, month,
                                                part, needs, surveys)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (community_home_id, district, category_code, month, part) DO UPDATE SET
                        needs = rm_needs_stats.needs + EXCLUDED.needs,
                        surveys = rm_needs_stats.surveys + EXCLUDED.surveys""",
                    communityHomeId, district, need.categoryCode(), need.categoryName(), month, part,
                    sign * need.count(), sign);
        }
    }

    private record Standing(String communityHomeId, String district, boolean voided, SurveyDetails details) {
    }
}
