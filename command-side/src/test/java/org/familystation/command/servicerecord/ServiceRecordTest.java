package org.familystation.command.servicerecord;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.familystation.command.alliance.InMemoryMemberRegistry;
import org.familystation.command.alliance.MembershipStatus;
import org.familystation.command.common.FixedClock;
import org.familystation.command.common.Reason;
import org.familystation.command.common.Refused;
import org.familystation.command.offering.InMemoryOfferingRegistry;
import org.familystation.command.people.InMemoryPeopleRegistry;
import org.familystation.command.station.InMemoryStationRegistry;
import org.familystation.command.station.StationTimeline;
import org.familystation.command.station.StationTimeline.Change;
import org.familystation.command.station.StationTimeline.Kind;
import org.familystation.events.common.Alliance;
import org.familystation.events.common.Provider;
import org.familystation.events.common.ProviderKind;
import org.familystation.events.common.ServiceDetails;
import org.familystation.events.common.StationPoint;
import org.familystation.events.common.VolunteerTime;
import org.familystation.events.servicerecord.ServiceRecordCorrected;
import org.familystation.events.servicerecord.ServiceRecordVoided;
import org.familystation.events.servicerecord.ServiceRecorded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.familystation.command.common.CommonRefusals.STATION_UNKNOWN;
import static org.familystation.command.servicerecord.ServiceRecordRefusals.*;

class ServiceRecordTest {

    private static final String RECORD = "5a6b7c8d-1e2f-4a3b-8c4d-5e6f7a8b9c0d";
    private static final String STATION = "7b0c3f0e-2d4e-4a53-9a59-0a4c2f6f1a01";
    private static final String CLOSED_STATION = "7b0c3f0e-2d4e-4a53-9a59-0a4c2f6f1a02";
    private static final String MEMBER = "3f1d2c9a-8b7e-4c6d-9e0f-1a2b3c4d5e6f";
    private static final String APPLICANT = "3f1d2c9a-8b7e-4c6d-9e0f-1a2b3c4d5e70";
    private static final Instant DELIVERED = Instant.parse("2026-11-19T06:30:00Z");
    /** Opened 2024-05-01, suspended 2025-01-01 to 2025-03-01, its culture point stopped 2025-06-01, closed 2026-10-01. */
    private static final String PAST_STATION = "7b0c3f0e-2d4e-4a53-9a59-0a4c2f6f1a03";
    private static final String WORKER = "0e5c1b7a-3d2f-4c8e-9a1b-000000000001";
    private static final String WORKER_ELSEWHERE = "0e5c1b7a-3d2f-4c8e-9a1b-000000000002";
    private static final String WORKER_RELEASED = "0e5c1b7a-3d2f-4c8e-9a1b-000000000003";
    private static final String STAFF = "0e5c1b7a-3d2f-4c8e-9a1b-000000000011";
    private static final String STAFF_ELSEWHERE = "0e5c1b7a-3d2f-4c8e-9a1b-000000000012";
    private static final String VOLUNTEER = "0e5c1b7a-3d2f-4c8e-9a1b-000000000021";
    private static final String OTHER_VOLUNTEER = "0e5c1b7a-3d2f-4c8e-9a1b-000000000022";
    private static final String PAST_WORKER = "0e5c1b7a-3d2f-4c8e-9a1b-000000000004";

    private AggregateTestFixture<ServiceRecord> fixture;
    private InMemoryOfferingRegistry offerings;
    private final InMemoryPeopleRegistry people = new InMemoryPeopleRegistry()
            .assigned(WORKER, STATION)
            .assigned(WORKER_ELSEWHERE, CLOSED_STATION)
            .assigned(WORKER_RELEASED, null)
            .assigned(PAST_WORKER, PAST_STATION)
            .staffServing(STAFF, STATION)
            .staffServing(STAFF_ELSEWHERE, CLOSED_STATION)
            .registered(VOLUNTEER)
            .registered(OTHER_VOLUNTEER);

    @BeforeEach
    void setUp() {
        InMemoryStationRegistry stations = new InMemoryStationRegistry()
                .open(STATION, "home-1", EnumSet.complementOf(EnumSet.of(StationPoint.CULTURE)))
                .open(CLOSED_STATION, "home-2", EnumSet.allOf(StationPoint.class))
                .closed(CLOSED_STATION)
                .open(PAST_STATION, "home-3", EnumSet.allOf(StationPoint.class))
                .closed(PAST_STATION)
                .timeline(PAST_STATION, new StationTimeline(List.of(
                        new Change(Instant.parse("2024-05-01T00:00:00Z"), Kind.OPENED, EnumSet.allOf(StationPoint.class)),
                        new Change(Instant.parse("2025-01-01T00:00:00Z"), Kind.SUSPENDED, Set.of()),
                        new Change(Instant.parse("2025-03-01T00:00:00Z"), Kind.REOPENED, Set.of()),
                        new Change(Instant.parse("2025-06-01T00:00:00Z"), Kind.POINT_DEACTIVATED,
                                Set.of(StationPoint.CULTURE)),
                        new Change(Instant.parse("2026-10-01T00:00:00Z"), Kind.CLOSED, Set.of()))));
        InMemoryMemberRegistry members = new InMemoryMemberRegistry()
                .with(MEMBER, Alliance.PUBLIC_WELFARE, "李晓霞工作室", "91350100M000100Y43", MembershipStatus.ADMITTED)
                .with(APPLICANT, Alliance.PUBLIC_WELFARE, "江苏红娘", "91320100134887962Y", MembershipStatus.APPROVED);
        offerings = new InMemoryOfferingRegistry()
                .offering(MEMBER, STATION, "PSYCHOLOGICAL_COUNSELLING")
                .offering(APPLICANT, STATION, "MATCHMAKING");
        fixture = new AggregateTestFixture<>(ServiceRecord.class);
        fixture.registerInjectableResource(new ServiceRecordingPolicy(stations, members, offerings,
                new ServiceProjectCatalogue(), people));
        fixture.registerInjectableResource(FixedClock.CLOCK);
    }

    /** Commands as the edge builds them: the input read against the fixture's clock. */
    private static RecordService recordService(String station, ServiceInput service) {
        return new RecordService(RECORD, station, service.record(FixedClock.CLOCK));
    }

    private static CorrectServiceRecord correction(ServiceInput changes, String reason) {
        return new CorrectServiceRecord(RECORD, changes.changes(FixedClock.CLOCK), new Reason(reason));
    }

    private static VoidServiceRecord voiding(String reason) {
        return new VoidServiceRecord(RECORD, new Reason(reason));
    }

    private static ServiceInput counselling(Integer participants, Integer satisfaction, String description) {
        return new ServiceInput("EMOTIONAL", "PSYCHOLOGICAL_COUNSELLING", "ALLIANCE_MEMBER", MEMBER, null, null, null,
                DELIVERED, participants, description, "情绪明显好转", satisfaction, "很有帮助");
    }

    private static ServiceInput counselling() {
        return counselling(12, 5, "为社区单亲妈妈开展心理咨询小组活动");
    }

    private static ServiceDetails counsellingDetails() {
        return new ServiceDetails(StationPoint.EMOTIONAL, "PSYCHOLOGICAL_COUNSELLING", "心理咨询",
                Provider.member(MEMBER, "李晓霞工作室"), DELIVERED, 12,
                "为社区单亲妈妈开展心理咨询小组活动", "情绪明显好转", 5, "很有帮助");
    }

    private static ServiceRecorded recorded() {
        return new ServiceRecorded(RECORD, STATION, "梅园新村家庭驿站", "玄武区", counsellingDetails(), FixedClock.NOW);
    }

    private static ServiceInput withStationPoint(String point, String project) {
        return new ServiceInput(point, project, "SOCIAL_WORKER", null, List.of(WORKER), null, null, DELIVERED, 3, "亲子阅读活动",
                null, null, null);
    }

    private static ServiceInput readingAt(String deliveredAt) {
        return new ServiceInput("CULTURE", "FAMILY_EDUCATION", "SOCIAL_WORKER", null, List.of(PAST_WORKER), null,
                null, Instant.parse(deliveredAt), 3, "亲子阅读活动", null, null, null);
    }

    /** A service is dated in the world: the station must have been open then, at a point active then. */
    @Nested
    class BusinessDates {

        @Test
        void acceptsAServiceDeliveredWhileTheStationWasOpenEvenIfItHasClosedSince() {
            fixture.givenNoPriorActivity()
                    .when(recordService(PAST_STATION, readingAt("2024-06-01T02:00:00Z")))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesAServiceBeforeTheStationOpened() {
            fixture.givenNoPriorActivity()
                    .when(recordService(PAST_STATION, readingAt("2024-04-30T02:00:00Z")))
                    .expectException(Refused.with(SERVICE_BEFORE_STATION_OPENED, "deliveredAt"))
                    .expectNoEvents();
        }

        @Test
        void refusesAServiceWhileTheStationWasSuspended() {
            fixture.givenNoPriorActivity()
                    .when(recordService(PAST_STATION, readingAt("2025-02-01T02:00:00Z")))
                    .expectException(Refused.with(STATION_NOT_OPEN, "deliveredAt"))
                    .expectNoEvents();
        }

        @Test
        void refusesAServiceAfterTheStationClosed() {
            fixture.givenNoPriorActivity()
                    .when(recordService(PAST_STATION, readingAt("2026-10-02T02:00:00Z")))
                    .expectException(Refused.with(STATION_NOT_OPEN, "deliveredAt"))
                    .expectNoEvents();
        }

        @Test
        void refusesAServiceAtAPointThatWasNotActiveThen() {
            fixture.givenNoPriorActivity()
                    .when(recordService(PAST_STATION, readingAt("2025-07-01T02:00:00Z")))
                    .expectException(Refused.with(STATION_POINT_NOT_ACTIVE, "stationPoint"))
                    .expectNoEvents();
        }
    }

    private static ServiceInput byPeople(String kind, List<String> socialWorkers, List<String> staff,
                                         List<ServiceInput.VolunteerMinutes> volunteers) {
        return new ServiceInput("EMOTIONAL", "WOMEN_RIGHTS", kind, null, socialWorkers, staff, volunteers,
                DELIVERED, 6, "婚姻家庭辅导", null, null, null);
    }

    @Nested
    class Recording {

        @Test
        void recordsAServiceByAnAdmittedMemberWithTheNamesOfTheTime() {
            fixture.givenNoPriorActivity()
                    .when(recordService(STATION, counselling()))
                    .expectEvents(recorded());
        }

        @Test
        void recordsAServiceByVolunteers() {
            fixture.givenNoPriorActivity()
                    .when(recordService(STATION, new ServiceInput("CONVENIENCE", "EMPTY_NEST_ELDERLY_CARE",
                            "VOLUNTEERS", null, null, null, List.of(new ServiceInput.VolunteerMinutes(VOLUNTEER, 90)), DELIVERED, 4, "上门看望空巢老人", null, null, null)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesAnUnknownStation() {
            fixture.givenNoPriorActivity()
                    .when(recordService("no-such-station", counselling()))
                    .expectException(Refused.with(STATION_UNKNOWN))
                    .expectNoEvents();
        }

        @Test
        void refusesAStationThatIsNotOpen() {
            fixture.givenNoPriorActivity()
                    .when(recordService(CLOSED_STATION, counselling()))
                    .expectException(Refused.with(STATION_NOT_OPEN))
                    .expectNoEvents();
        }

        @Test
        void refusesAStationPointThatIsNotActive() {
            fixture.givenNoPriorActivity()
                    .when(recordService(STATION, withStationPoint("CULTURE", "FAMILY_EDUCATION")))
                    .expectException(Refused.with(STATION_POINT_NOT_ACTIVE, "stationPoint"))
                    .expectNoEvents();
        }

        @Test
        void refusesAProjectOutsideTheCatalogue() {
            fixture.givenNoPriorActivity()
                    .when(recordService(STATION, withStationPoint("HAPPINESS", "KARAOKE")))
                    .expectException(Refused.with(PROJECT_UNKNOWN, "projectCode"))
                    .expectNoEvents();
        }

        @Test
        void refusesAProjectOfAnotherStationPoint() {
            fixture.givenNoPriorActivity()
                    .when(recordService(STATION, withStationPoint("HAPPINESS", "LEGAL_AID")))
                    .expectException(Refused.with(PROJECT_NOT_AT_STATION_POINT, "projectCode"))
                    .expectNoEvents();
        }

        @Test
        void refusesAProviderThatIsNotAnAdmittedMember() {
            fixture.givenNoPriorActivity()
                    .when(recordService(STATION, new ServiceInput("EMOTIONAL", "MATCHMAKING",
                            "ALLIANCE_MEMBER", APPLICANT, null, null, null, DELIVERED, 2, "婚恋交友沙龙", null, null, null)))
                    .expectException(Refused.with(PROVIDER_NOT_ADMITTED, "providerMemberId"))
                    .expectNoEvents();
        }

        @Test
        void refusesAMemberThatDoesNotOfferTheProjectAtTheStation() {
            fixture.givenNoPriorActivity()
                    .when(recordService(STATION, new ServiceInput("EMOTIONAL", "LEGAL_AID",
                            "ALLIANCE_MEMBER", MEMBER, null, null, null, DELIVERED, 2, "法律咨询", null, null, null)))
                    .expectException(Refused.with(PROVIDER_DOES_NOT_OFFER_PROJECT_AT_STATION, "providerMemberId"))
                    .expectNoEvents();
        }

        @Test
        void refusesAMemberThatOffersTheProjectOnlyAtAnotherStation() {
            offerings.offering(MEMBER, CLOSED_STATION, "LEGAL_AID");
            fixture.givenNoPriorActivity()
                    .when(recordService(STATION, new ServiceInput("EMOTIONAL", "LEGAL_AID",
                            "ALLIANCE_MEMBER", MEMBER, null, null, null, DELIVERED, 2, "法律咨询", null, null, null)))
                    .expectException(Refused.with(PROVIDER_DOES_NOT_OFFER_PROJECT_AT_STATION, "providerMemberId"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownProvider() {
            fixture.givenNoPriorActivity()
                    .when(recordService(STATION, new ServiceInput("EMOTIONAL", "MATCHMAKING",
                            "ALLIANCE_MEMBER", "nobody", null, null, null, DELIVERED, 2, "婚恋交友沙龙", null, null, null)))
                    .expectException(Refused.with(PROVIDER_NOT_ADMITTED, "providerMemberId"))
                    .expectNoEvents();
        }

        @Test
        void namesTheRegisteredPeopleWhoDeliveredIt() {
            ServiceInput byPeople = new ServiceInput("EMOTIONAL", "WOMEN_RIGHTS", "SOCIAL_WORKER", null,
                    List.of(WORKER), List.of(STAFF), List.of(new ServiceInput.VolunteerMinutes(VOLUNTEER, 90),
                    new ServiceInput.VolunteerMinutes(OTHER_VOLUNTEER, 45)), DELIVERED, 6, "婚姻家庭辅导", null, null,
                    null);
            fixture.givenNoPriorActivity()
                    .when(recordService(STATION, byPeople))
                    .expectEvents(new ServiceRecorded(RECORD, STATION, "梅园新村家庭驿站", "玄武区",
                            new ServiceDetails(StationPoint.EMOTIONAL, "WOMEN_RIGHTS", "妇女权益维护",
                                    new Provider(ProviderKind.SOCIAL_WORKER, null, null, List.of(WORKER),
                                            List.of(STAFF), List.of(new VolunteerTime(VOLUNTEER, 90),
                                            new VolunteerTime(OTHER_VOLUNTEER, 45))),
                                    DELIVERED, 6, "婚姻家庭辅导", null, null, null), FixedClock.NOW));
        }

        @ParameterizedTest
        @CsvSource({"SOCIAL_WORKER, socialWorkerIds", "FEDERATION_STAFF, staffIds", "VOLUNTEERS, volunteers"})
        void refusesAPeopleProviderThatNamesNobodyOfItsKind(String kind, String field) {
            fixture.givenNoPriorActivity()
                    .when(recordService(STATION, byPeople(kind, List.of(), null, List.of())))
                    .expectException(Refused.with(PROVIDER_PEOPLE_REQUIRED, field))
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnregisteredSocialWorker() {
            fixture.givenNoPriorActivity()
                    .when(recordService(STATION, byPeople("SOCIAL_WORKER", List.of("nobody"), null,
                            null)))
                    .expectException(Refused.with(SOCIAL_WORKER_UNKNOWN, "socialWorkerIds"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {WORKER_ELSEWHERE, WORKER_RELEASED})
        void refusesASocialWorkerNotAssignedToTheStation(String socialWorker) {
            fixture.givenNoPriorActivity()
                    .when(recordService(STATION, byPeople("SOCIAL_WORKER", List.of(WORKER, socialWorker),
                            null, null)))
                    .expectException(Refused.with(SOCIAL_WORKER_NOT_AT_STATION, "socialWorkerIds"))
                    .expectNoEvents();
        }

        @Test
        void refusesUnregisteredStaff() {
            fixture.givenNoPriorActivity()
                    .when(recordService(STATION, byPeople("FEDERATION_STAFF", null, List.of("nobody"),
                            null)))
                    .expectException(Refused.with(STAFF_UNKNOWN, "staffIds"))
                    .expectNoEvents();
        }

        @Test
        void refusesStaffOfAUnitThatDoesNotServeTheStation() {
            fixture.givenNoPriorActivity()
                    .when(recordService(STATION, byPeople("FEDERATION_STAFF", null,
                            List.of(STAFF_ELSEWHERE), null)))
                    .expectException(Refused.with(STAFF_NOT_AT_STATION, "staffIds"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnregisteredVolunteer() {
            fixture.givenNoPriorActivity()
                    .when(recordService(STATION, byPeople("VOLUNTEERS", null, null,
                            List.of(new ServiceInput.VolunteerMinutes("nobody", 60)))))
                    .expectException(Refused.with(VOLUNTEER_UNKNOWN, "volunteers"))
                    .expectNoEvents();
        }

        @Test
        void acceptsADeliveryTimeWithinTheClockTolerance() {
            fixture.givenNoPriorActivity()
                    .when(recordService(STATION, new ServiceInput("EMOTIONAL", "MATCHMAKING",
                            "SOCIAL_WORKER", null, List.of(WORKER), null, null, FixedClock.NOW.plus(Duration.ofMinutes(2)), 2, "婚恋交友沙龙",
                            null, null, null)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void acceptsADescriptionOfExactlyFourThousandCharacters() {
            fixture.givenNoPriorActivity()
                    .when(recordService(STATION, counselling(12, 5, "字".repeat(4_000))))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class Correcting {

        @Test
        void recordsWhatChangedAndWhy() {
            ServiceDetails before = counsellingDetails();
            ServiceDetails after = new ServiceDetails(before.stationPoint(), before.projectCode(), before.projectName(),
                    before.provider(), before.deliveredAt(), 15, before.description(), before.outcome(), 4,
                    before.feedback());
            fixture.given(recorded())
                    .when(correction(new ServiceInput(null, null, null, null, null, null, null, null, 15,
                            null, null, 4, null), "签到表复核后人数为 15 人"))
                    .expectEvents(new ServiceRecordCorrected(RECORD, STATION, after,
                            List.of("participantCount", "satisfaction"), "签到表复核后人数为 15 人", FixedClock.NOW));
        }

        @Test
        void refusesAnUnknownRecord() {
            fixture.givenNoPriorActivity()
                    .when(correction(counselling(), "更正"))
                    .expectException(AggregateNotFoundException.class);
        }

        @Test
        void refusesAVoidedRecord() {
            fixture.given(recorded(), new ServiceRecordVoided(RECORD, STATION, "重复录入", FixedClock.NOW))
                    .when(correction(counselling(20, 5, "心理咨询"), "更正人数"))
                    .expectException(Refused.with(SERVICE_RECORD_VOIDED))
                    .expectNoEvents();
        }

        @Test
        void refusesACorrectionThatChangesNothing() {
            fixture.given(recorded())
                    .when(correction(counselling(), "核对"))
                    .expectException(Refused.with(CORRECTION_CHANGES_NOTHING))
                    .expectNoEvents();
        }

        @Test
        void keepsAllowingCorrectionsOfAServiceWhoseOfferingWasWithdrawnSince() {
            offerings = new InMemoryOfferingRegistry();
            fixture = new AggregateTestFixture<>(ServiceRecord.class);
            fixture.registerInjectableResource(new ServiceRecordingPolicy(new InMemoryStationRegistry()
                    .open(STATION, "home-1", EnumSet.allOf(StationPoint.class)), new InMemoryMemberRegistry()
                    .with(MEMBER, Alliance.PUBLIC_WELFARE, "李晓霞工作室", "91350100M000100Y43",
                            MembershipStatus.SUSPENDED), offerings, new ServiceProjectCatalogue(), people));
            fixture.registerInjectableResource(FixedClock.CLOCK);
            fixture.given(recorded())
                    .when(correction(new ServiceInput(null, null, null, null, null, null, null, null, 15,
                            null, null, null, null), "人数更正"))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void keepsTheLegacyNameOfARecordFromBeforePeopleWereNamedWhileThePeopleAreLeftAlone() {
            ServiceDetails legacy = new ServiceDetails(StationPoint.EMOTIONAL, "WOMEN_RIGHTS", "妇女权益维护",
                    new Provider(ProviderKind.SOCIAL_WORKER, null, "王社工", null, null, null), DELIVERED, 6,
                    "婚姻家庭辅导", null, null, null);
            fixture.given(new ServiceRecorded(RECORD, STATION, "梅园新村家庭驿站", "玄武区", legacy, FixedClock.NOW))
                    .when(correction(new ServiceInput(null, null, null, null, null, null, null,
                            null, 8, null, null, null, null), "人数更正"))
                    .expectEvents(new ServiceRecordCorrected(RECORD, STATION, new ServiceDetails(
                            StationPoint.EMOTIONAL, "WOMEN_RIGHTS", "妇女权益维护", legacy.provider(), DELIVERED, 8,
                            "婚姻家庭辅导", null, null, null), List.of("participantCount"), "人数更正",
                            FixedClock.NOW));
        }

        @Test
        void keepsASocialWorkerReleasedSinceAndChecksOnlyThePeopleItAdds() {
            ServiceDetails byReleased = new ServiceDetails(StationPoint.EMOTIONAL, "WOMEN_RIGHTS", "妇女权益维护",
                    new Provider(ProviderKind.SOCIAL_WORKER, null, null, List.of(WORKER_RELEASED), null, null),
                    DELIVERED, 6, "婚姻家庭辅导", null, null, null);
            ServiceRecorded recorded = new ServiceRecorded(RECORD, STATION, "梅园新村家庭驿站", "玄武区", byReleased,
                    FixedClock.NOW);
            fixture.given(recorded)
                    .when(correction(new ServiceInput(null, null, null, null,
                            List.of(WORKER_RELEASED, WORKER), null, null, null, null, null, null, null, null),
                            "补录社工"))
                    .expectSuccessfulHandlerExecution();
            fixture.given(recorded)
                    .when(correction(new ServiceInput(null, null, null, null,
                            List.of(WORKER_RELEASED, WORKER_ELSEWHERE), null, null, null, null, null, null, null,
                            null), "补录社工"))
                    .expectException(Refused.with(SOCIAL_WORKER_NOT_AT_STATION, "socialWorkerIds"));
        }

        @Test
        void refusesACorrectionThatLeavesAPeopleProviderWithNobody() {
            fixture.given(recorded())
                    .when(correction(new ServiceInput(null, null, "VOLUNTEERS", null, null, null,
                            null, null, null, null, null, null, null), "提供方录错"))
                    .expectException(Refused.with(PROVIDER_PEOPLE_REQUIRED, "volunteers"))
                    .expectNoEvents();
        }

        @Test
        void refusesAChangeToAProjectTheMemberDoesNotOfferThere() {
            fixture.given(recorded())
                    .when(correction(new ServiceInput(null, "LEGAL_AID", null, null, null, null, null, null,
                            null, null, null, null, null), "项目录错"))
                    .expectException(Refused.with(PROVIDER_DOES_NOT_OFFER_PROJECT_AT_STATION, "providerMemberId"))
                    .expectNoEvents();
        }

    }

    @Nested
    class Voiding {

        @Test
        void recordsWhy() {
            fixture.given(recorded())
                    .when(voiding("重复录入"))
                    .expectEvents(new ServiceRecordVoided(RECORD, STATION, "重复录入", FixedClock.NOW));
        }

        @Test
        void refusesARecordAlreadyVoided() {
            fixture.given(recorded(), new ServiceRecordVoided(RECORD, STATION, "重复录入", FixedClock.NOW))
                    .when(voiding("再次作废"))
                    .expectException(Refused.with(SERVICE_RECORD_VOIDED))
                    .expectNoEvents();
        }

    }
}
