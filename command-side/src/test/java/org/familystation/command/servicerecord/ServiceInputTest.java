package org.familystation.command.servicerecord;

import org.familystation.command.common.CommonRefusals;
import org.familystation.command.common.FixedClock;
import org.familystation.command.common.Reason;
import org.familystation.events.common.ProviderKind;
import org.familystation.events.common.StationPoint;
import org.familystation.events.common.VolunteerTime;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.error.Refusal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familystation.command.servicerecord.ServiceRecordRefusals.*;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a service record refuses without looking at any state: read at the edge, before a command is sent. */
class ServiceInputTest {

    private static final Instant DELIVERED = Instant.parse("2026-11-19T06:30:00Z");
    private static final String RECORD = "5a6b7c8d-1e2f-4a3b-8c4d-5e6f7a8b9c0d";

    private static ServiceInput sent(String point, String kind, List<String> socialWorkers,
                                          List<ServiceInput.VolunteerMinutes> volunteers, Instant deliveredAt,
                                          Integer participants, String description, Integer satisfaction) {
        return new ServiceInput(point, "FAMILY_EDUCATION", kind, null, socialWorkers, null, volunteers,
                deliveredAt, participants, description, "情绪明显好转", satisfaction, "很有帮助");
    }

    private static ServiceInput valid() {
        return sent("CULTURE", "SOCIAL_WORKER", List.of("sw-1"), null, DELIVERED, 12, "亲子阅读活动", 5);
    }

    private static ServiceInput withVolunteerMinutes(Integer minutes) {
        return sent("CULTURE", "VOLUNTEERS", null, List.of(new ServiceInput.VolunteerMinutes("v-1", minutes)),
                DELIVERED, 12, "亲子阅读活动", 5);
    }

    private static ServiceInput withParticipants(Integer participants) {
        return sent("CULTURE", "SOCIAL_WORKER", List.of("sw-1"), null, DELIVERED, participants, "亲子阅读活动", 5);
    }

    private static ServiceInput withSatisfaction(Integer satisfaction) {
        return sent("CULTURE", "SOCIAL_WORKER", List.of("sw-1"), null, DELIVERED, 12, "亲子阅读活动", satisfaction);
    }

    private static ServiceInput withDescription(String description) {
        return sent("CULTURE", "SOCIAL_WORKER", List.of("sw-1"), null, DELIVERED, 12, description, 5);
    }

    private static ServiceInput deliveredAt(Instant deliveredAt) {
        return sent("CULTURE", "SOCIAL_WORKER", List.of("sw-1"), null, deliveredAt, 12, "亲子阅读活动", 5);
    }

    private static ServiceEntry record(ServiceInput sent) {
        return sent.record(FixedClock.CLOCK);
    }

    private static void assertRefused(Refusal refusal, String field, Executable reading) {
        DomainException refused = assertThrows(DomainException.class, reading);
        assertThat(refused.refusal()).isEqualTo(refusal);
        assertThat(refused.code()).isEqualTo(refusal.code());
        assertThat(refused.field()).contains(field);
    }

    @Nested
    class NewRecord {

        @Test
        void readsCodesCountsAndTextIntoTypedValues() {
            ServiceEntry input = record(new ServiceInput(" CULTURE", "FAMILY_EDUCATION", "VOLUNTEERS", null,
                    List.of(" sw-1 "), null, List.of(new ServiceInput.VolunteerMinutes("v-1", 90)), DELIVERED, 12,
                    "  亲子阅读活动 ", " ", 4, null));
            assertThat(input.stationPoint()).isEqualTo(StationPoint.CULTURE);
            assertThat(input.providerKind()).isEqualTo(ProviderKind.VOLUNTEERS);
            assertThat(input.socialWorkerIds()).containsExactly("sw-1");
            assertThat(input.staffIds()).isEmpty();
            assertThat(input.volunteers()).containsExactly(new VolunteerTime("v-1", 90));
            assertThat(input.participantCount()).isEqualTo(new ParticipantCount(12));
            assertThat(input.description()).isEqualTo("亲子阅读活动");
            assertThat(input.outcome()).isNull();
            assertThat(input.satisfaction()).isEqualTo(new Satisfaction(4));
            assertThat(input.feedback()).isNull();
        }

        @Test
        void refusesAnUnknownStationPoint() {
            assertRefused(STATION_POINT_UNKNOWN, "stationPoint", () -> record(sent("SPORTS", "SOCIAL_WORKER",
                    List.of("sw-1"), null, DELIVERED, 3, "亲子阅读活动", null)));
        }

        @Test
        void refusesAnUnknownProviderKind() {
            assertRefused(PROVIDER_KIND_UNKNOWN, "providerKind", () -> record(sent("CULTURE", "NEIGHBOURS", null,
                    null, DELIVERED, 2, "婚恋交友沙龙", null)));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -5, 1_441})
        void refusesVolunteerMinutesOutsideOneToADay(int minutes) {
            assertRefused(VOLUNTEER_MINUTES_INVALID, "volunteers", () -> record(withVolunteerMinutes(minutes)));
        }

        @Test
        void refusesVolunteerMinutesNotGiven() {
            assertRefused(VOLUNTEER_MINUTES_INVALID, "volunteers", () -> record(withVolunteerMinutes(null)));
        }

        @Test
        void acceptsADayOfVolunteerMinutes() {
            assertThat(record(withVolunteerMinutes(1_440)).volunteers()).containsExactly(new VolunteerTime("v-1", 1_440));
        }

        @Test
        void refusesAPersonNamedTwice() {
            assertRefused(PROVIDER_PEOPLE_INVALID, "socialWorkerIds", () -> record(sent("CULTURE", "SOCIAL_WORKER",
                    List.of("sw-1", " sw-1"), null, DELIVERED, 6, "婚姻家庭辅导", null)));
        }

        @Test
        void refusesABlankId() {
            assertRefused(PROVIDER_PEOPLE_INVALID, "socialWorkerIds", () -> record(sent("CULTURE", "SOCIAL_WORKER",
                    List.of("sw-1", " "), null, DELIVERED, 6, "婚姻家庭辅导", null)));
        }

        @Test
        void refusesMoreThanFiftyPeople() {
            List<String> many = java.util.stream.IntStream.rangeClosed(1, 51).mapToObj(i -> "sw-" + i).toList();
            assertRefused(PROVIDER_PEOPLE_INVALID, "socialWorkerIds", () -> record(sent("CULTURE", "SOCIAL_WORKER",
                    many, null, DELIVERED, 6, "婚姻家庭辅导", null)));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 6, -1})
        void refusesSatisfactionOutsideOneToFive(int satisfaction) {
            assertRefused(SATISFACTION_OUT_OF_RANGE, "satisfaction", () -> record(withSatisfaction(satisfaction)));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -3, 10_001, Integer.MAX_VALUE})
        void refusesFewerThanOneParticipantOrImplausiblyMany(int participants) {
            assertRefused(PARTICIPANTS_INVALID, "participantCount", () -> record(withParticipants(participants)));
        }

        @Test
        void refusesAMissingParticipantCount() {
            assertRefused(PARTICIPANTS_INVALID, "participantCount", () -> record(withParticipants(null)));
        }

        @Test
        void refusesAServiceDeliveredInTheFuture() {
            assertRefused(DELIVERED_IN_FUTURE, "deliveredAt",
                    () -> record(deliveredAt(FixedClock.NOW.plus(Duration.ofHours(1)))));
        }

        @Test
        void acceptsADeliveryTimeWithinTheClockTolerance() {
            Instant soon = FixedClock.NOW.plus(Duration.ofMinutes(2));
            assertThat(record(deliveredAt(soon)).deliveredAt()).isEqualTo(soon);
        }

        @Test
        void refusesAMissingDeliveryTime() {
            assertRefused(DELIVERED_AT_REQUIRED, "deliveredAt", () -> record(deliveredAt(null)));
        }

        @Test
        void refusesABlankDescription() {
            assertRefused(DESCRIPTION_INVALID, "description", () -> record(withDescription("   ")));
        }

        @Test
        void refusesADescriptionOverFourThousandCharacters() {
            assertRefused(DESCRIPTION_INVALID, "description", () -> record(withDescription("字".repeat(4_001))));
        }

        @Test
        void refusesAnOutcomeOverAThousandCharacters() {
            ServiceInput longOutcome = new ServiceInput("CULTURE", "FAMILY_EDUCATION", "SOCIAL_WORKER",
                    null, List.of("sw-1"), null, null, DELIVERED, 12, "亲子阅读活动", "字".repeat(1_001), null, null);
            assertRefused(TEXT_TOO_LONG, "outcome", () -> record(longOutcome));
        }

        @Test
        void refusesAMalformedRecordId() {
            ServiceEntry input = record(valid());
            assertRefused(CommonRefusals.ID_INVALID, "serviceRecordId",
                    () -> new RecordService("not-a-uuid", "station-1", input));
            assertRefused(CommonRefusals.ID_INVALID, "serviceRecordId",
                    () -> new RecordService(RECORD.toUpperCase(), "station-1", input));
        }
    }

    @Nested
    class Changes {

        @Test
        void leavesWhatIsNotGivenUnchangedAndKeepsAnEmptyOutcomeAsRemoval() {
            ServiceEntry changes = new ServiceInput(null, null, null, null, null, null, null, null, 15, null,
                    " ", 4, null).changes(FixedClock.CLOCK);
            assertThat(changes).isEqualTo(new ServiceEntry(null, null, null, null, null, null, null, null,
                    new ParticipantCount(15), null, "", new Satisfaction(4), null));
        }

        @Test
        void appliesTheSameRulesAsRecording() {
            assertRefused(SATISFACTION_OUT_OF_RANGE, "satisfaction",
                    () -> withSatisfaction(9).changes(FixedClock.CLOCK));
            assertRefused(DESCRIPTION_INVALID, "description", () -> new ServiceInput(null, null, null, null,
                    null, null, null, null, null, " ", null, null, null).changes(FixedClock.CLOCK));
            assertRefused(DELIVERED_IN_FUTURE, "deliveredAt", () -> new ServiceInput(null, null, null, null,
                    null, null, null, FixedClock.NOW.plus(Duration.ofDays(1)), null, null, null, null, null)
                    .changes(FixedClock.CLOCK));
        }
    }

    @Nested
    class Reasons {

        @ParameterizedTest
        @ValueSource(strings = {"", "  "})
        void refusesABlankReason(String reason) {
            assertRefused(REASON_REQUIRED, "reason", () -> new Reason(reason));
        }

        @Test
        void refusesAMissingReason() {
            assertRefused(REASON_REQUIRED, "reason", () -> new Reason(null));
        }

        @Test
        void refusesAReasonOverAThousandCharacters() {
            assertRefused(REASON_REQUIRED, "reason", () -> new Reason("字".repeat(1_001)));
            assertThat(new Reason(" 重复录入 ").text()).isEqualTo("重复录入");
        }
    }
}
