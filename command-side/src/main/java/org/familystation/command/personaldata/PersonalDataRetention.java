package org.familystation.command.personaldata;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.familystation.events.personaldata.DataSubjectKind;
import org.familystation.events.personaldata.PersonalDataErased;
import org.familystation.events.referral.ReferralClosed;
import org.familystation.events.referral.ReferralDeclined;
import org.familystation.events.referral.ReferralWithdrawn;
import org.familystation.platform.error.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Enforces the retention period of each kind of personal data ({@code familystation.personal-data.retention.<KIND>},
 * e.g. {@code REFERRAL: P5Y}; a kind without one is kept): a subject whose period has ended is erased the same way
 * as on request, recording {@link PersonalDataErased} with the reason {@value PersonalDataErased#RETENTION}. A
 * referral's case is kept for the period after the referral ended (closed, declined or withdrawn; an open case is
 * kept); any other subject's data for the period after their first personal value was stored.
 * Checked every {@code familystation.personal-data.retention-check} (default an hour); on several command nodes a
 * subject erased by another node first is skipped.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(PersonalDataRetention.Properties.class)
public class PersonalDataRetention {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataRetention.class);
    private static final int BATCH = 500;
    /** The events that end a subject's case, by kind: its period runs from the first of them. */
    private static final Map<DataSubjectKind, List<String>> ENDED_BY = Map.of(DataSubjectKind.REFERRAL, List.of(
            ReferralClosed.class.getName(), ReferralDeclined.class.getName(), ReferralWithdrawn.class.getName()));

    private final Properties properties;
    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final Clock clock;

    public PersonalDataRetention(Properties properties, JdbcTemplate jdbc, CommandGateway commands, Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${familystation.personal-data.retention-check:PT1H}",
            initialDelayString = "${familystation.personal-data.retention-check:PT1H}")
    void enforce() {
        int erased = eraseDue(properties.getRetention(), clock.instant());
        if (erased > 0) {
            log.info("retention: erased the personal data of {} subjects", erased);
        }
    }

    /** Erases every subject whose kind's period has ended by {@code now}; how many were erased. */
    public int eraseDue(Map<DataSubjectKind, Period> retention, Instant now) {
        int erased = 0;
        for (Map.Entry<DataSubjectKind, Period> kind : retention.entrySet()) {
            Instant before = now.atOffset(ZoneOffset.UTC).minus(kind.getValue()).toInstant();
            List<String> due;
            do {
                due = due(kind.getKey(), before);
                for (String id : due) {
                    try {
                        commands.sendAndWait(new ErasePersonalData(kind.getKey(), id,
                                PersonalDataErased.RETENTION));
                        erased++;
                    } catch (DomainException alreadyErased) {
                        log.debug("retention: {} {} was erased meanwhile", kind.getKey(), id);
                    }
                }
            } while (due.size() == BATCH);
        }
        return erased;
    }

    /**
     * Subjects of the kind whose period started before {@code before}. The event store's time stamps are ISO-8601
     * text in UTC, so they compare as text.
     */
    private List<String> due(DataSubjectKind kind, Instant before) {
        List<String> endings = ENDED_BY.get(kind);
        if (endings == null) {
            return jdbc.queryForList("""
                    SELECT subject_id FROM personal_data_key
                    WHERE subject_kind = ? AND erased_at IS NULL AND created_at < ?
                    ORDER BY created_at LIMIT ?""", String.class, kind.name(), Timestamp.from(before), BATCH);
        }
        return jdbc.queryForList("""
                SELECT k.subject_id FROM personal_data_key k
                WHERE k.subject_kind = ? AND k.erased_at IS NULL
                  AND EXISTS (SELECT 1 FROM domain_event_entry e
                              WHERE e.aggregate_identifier = k.subject_id AND e.payload_type = ANY(?)
                                AND e.time_stamp < ?)
                ORDER BY k.created_at LIMIT ?""", String.class, kind.name(), endings.toArray(String[]::new),
                before.toString(), BATCH);
    }

    @ConfigurationProperties("familystation.personal-data")
    public static class Properties {

        /** How long each kind of personal data is kept, from when the subject's first value was stored. */
        private Map<DataSubjectKind, Period> retention = new EnumMap<>(DataSubjectKind.class);

        public Map<DataSubjectKind, Period> getRetention() {
            return retention;
        }

        public void setRetention(Map<DataSubjectKind, Period> retention) {
            this.retention = retention;
        }
    }
}
