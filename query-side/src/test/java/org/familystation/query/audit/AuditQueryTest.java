package org.familystation.query.audit;

import org.familystation.platform.error.DomainException;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Filters of the audit trail as clients write them: periods in the users' calendar, and what is refused. */
class AuditQueryTest {

    private static final AuditEventTypes TYPES = new AuditEventTypes();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static AuditQuery query(String... nameValuePairs) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            parameters.add(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return AuditQuery.of(parameters, List.of("page", "size"), TYPES, SHANGHAI);
    }

    private static DomainException refused(String... nameValuePairs) {
        return catchThrowableOfType(DomainException.class, () -> query(nameValuePairs));
    }

    @Test
    void knowsEveryEventOfThePublishedLanguageByName() {
        assertThat(TYPES.names()).contains("StationSuspended", "AllianceMemberAdmitted", "ServiceRecorded",
                "ReferralAcceptanceOverdue", "VolunteerHoursRecorded", "CatalogueEntryAdded", "FundsReceived");
        // Sealed interfaces and value types are not events.
        assertThat(TYPES.names()).doesNotContain("StationEvent", "ServiceDetails", "Fen");
    }

    @Test
    void daysAreWholeDaysInNanjingBothIncluded() {
        AuditQuery query = query("from", "2026-11-02", "to", "2026-11-03");
        assertThat(query.start()).isEqualTo(Instant.parse("2026-11-01T16:00:00Z"));
        assertThat(query.end()).isEqualTo(Instant.parse("2026-11-03T16:00:00Z"));
        AuditQuery oneDay = query("from", "2026-11-02", "to", "2026-11-02");
        assertThat(oneDay.end()).isEqualTo(Instant.parse("2026-11-02T16:00:00Z"));
    }

    @Test
    void instantsAreTakenAsWrittenAndTimesWithoutOffsetInNanjing() {
        assertThat(query("from", "2026-11-02T02:00:00Z").start()).isEqualTo(Instant.parse("2026-11-02T02:00:00Z"));
        assertThat(query("from", "2026-11-02T10:00:00+08:00").start())
                .isEqualTo(Instant.parse("2026-11-02T02:00:00Z"));
        // An unencoded '+' in a query string arrives as a space.
        assertThat(query("to", "2026-11-02T10:00:00 08:00").end()).isEqualTo(Instant.parse("2026-11-02T02:00:00Z"));
        assertThat(query("to", "2026-11-02T10:00").end()).isEqualTo(Instant.parse("2026-11-02T02:00:00Z"));
    }

    @Test
    void combinesOnlyTheFiltersGivenBlankOnesAreAbsent() {
        AuditQuery query = query("userId", "hq", "unitId", "", "eventType", "StationSuspended, StationClosed",
                "eventType", "StationReopened", "order", "oldest", "page", "2");
        assertThat(query.where()).isEqualTo("WHERE user_id = :userId AND event_type IN (:eventTypes)");
        assertThat(query.eventTypes()).containsExactly("StationSuspended", "StationClosed", "StationReopened");
        assertThat(query.orderBy()).isEqualTo("global_index");
        assertThat(query().where()).isEmpty();
        assertThat(query().orderBy()).isEqualTo("global_index DESC");
        assertThat(query("aggregateId", "s-1", "aggregateType", "Station", "correlationId", "c-1", "from",
                "2026-11-02", "to", "2026-11-03").where()).isEqualTo("WHERE aggregate_id = :aggregateId"
                + " AND aggregate_type = :aggregateType AND correlation_id = :correlationId"
                + " AND occurred_at >= :start AND occurred_at < :end");
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThat(refused("eventType", "StationBurnedDown").code()).isEqualTo("AUDIT_EVENT_TYPE_UNKNOWN");
        assertThat(refused("eventType", "StationEvent").code()).isEqualTo("AUDIT_EVENT_TYPE_UNKNOWN");
        DomainException badDay = refused("from", "2026-02-30");
        assertThat(badDay.code()).isEqualTo("AUDIT_TIME_INVALID");
        assertThat(badDay.field()).contains("from");
        assertThat(refused("to", "02.11.2026").field()).contains("to");
        assertThat(refused("from", "2026-11-03", "to", "2026-11-02").code()).isEqualTo("PERIOD_INVALID");
        assertThat(refused("from", "2026-11-02T02:00:00Z", "to", "2026-11-02T10:00:00+08:00").code())
                .isEqualTo("PERIOD_INVALID");
        assertThat(refused("order", "NEWEST").code()).isEqualTo("AUDIT_ORDER_INVALID");
        DomainException unknown = refused("actor", "hq");
        assertThat(unknown.code()).isEqualTo("AUDIT_PARAMETER_UNKNOWN");
        assertThat(unknown.userMessage()).contains("userId", "page");
        assertThat(refused("unitId", "a", "unitId", "b").code()).isEqualTo("AUDIT_PARAMETER_REPEATED");
    }

    @Test
    void csvColumnsAreDistinct() {
        assertThat(Set.copyOf(AuditCsv.COLUMNS)).hasSize(AuditCsv.COLUMNS.size());
    }

    @Test
    void theReasonIsTheFirstReasonFieldGiven() {
        assertThat(AuditEntries.reason("{\"stationId\": \"s\", \"reason\": \"整改\"}")).isEqualTo("整改");
        assertThat(AuditEntries.reason("{\"reviewerNotes\": \"材料齐全\"}")).isEqualTo("材料齐全");
        assertThat(AuditEntries.reason("{\"reason\": \" \", \"reviewerNotes\": \"材料齐全\"}"))
                .isEqualTo("材料齐全");
        assertThat(AuditEntries.reason("{\"reason\": null, \"changes\": {\"reason\": \"nested\"}}")).isNull();
        assertThat(AuditTrailProjection.simpleName("org.familystation.events.station.StationSuspended"))
                .isEqualTo("StationSuspended");
    }

    @Test
    void anEntrysJsonIsOneLineWithItsNumbersAsStored() {
        String compact = "{\"reason\":\"整改\",\"gracePeriod\":2592000.000000000,\"n\":1.50}";
        assertThat(AuditEntries.oneLine(compact)).isSameAs(compact);
        assertThat(AuditEntries.oneLine("{\n  \"gracePeriod\" : 2592000.000000000,\r\n  \"n\": 1.50,\n"
                + "  \"big\": 123456789012345678901234567890,\n  \"text\": \"第一行\\n第二行\"\n}"))
                .isEqualTo("{\"gracePeriod\":2592000.000000000,\"n\":1.50,\"big\":123456789012345678901234567890,"
                        + "\"text\":\"第一行\\n第二行\"}");
    }
}
