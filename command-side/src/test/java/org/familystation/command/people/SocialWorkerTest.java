package org.familystation.command.people;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.familystation.command.common.FixedClock;
import org.familystation.command.common.Refused;
import org.familystation.command.network.InMemoryUnitRegistry;
import org.familystation.command.station.InMemoryStationRegistry;
import org.familystation.events.common.HomeTier;
import org.familystation.events.common.SocialWorkerQualification;
import org.familystation.events.common.StationPoint;
import org.familystation.events.common.UnitLevel;
import org.familystation.events.people.SocialWorkerAssigned;
import org.familystation.events.people.SocialWorkerRecruited;
import org.familystation.events.people.SocialWorkerReleased;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.familystation.command.common.CommonRefusals.STATION_UNKNOWN;
import static org.familystation.command.people.PeopleRefusals.*;

class SocialWorkerTest {

    private static final String WORKER = "4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d";
    private static final String HQ = "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e";
    private static final String BRANCH = "2d0e8f1b-6c5a-4f3b-9e4d-7a8b9c0d1e2f";
    private static final String STATION = "7b0c3f0e-2d4e-4a53-9a59-0a4c2f6f1a01";
    private static final String OTHER_STATION = "7b0c3f0e-2d4e-4a53-9a59-0a4c2f6f1a03";
    private static final String CLOSED_STATION = "7b0c3f0e-2d4e-4a53-9a59-0a4c2f6f1a02";

    private static final SocialWorkerRecruited RECRUITED = new SocialWorkerRecruited(WORKER, "王芳", "025-8456 1234",
            SocialWorkerQualification.SOCIAL_WORKER, HQ, "南京市妇女儿童活动中心", FixedClock.NOW);
    private static final SocialWorkerAssigned ASSIGNED = new SocialWorkerAssigned(WORKER, "王芳", STATION,
            "梅园新村家庭驿站", "玄武区", FixedClock.NOW);

    private AggregateTestFixture<SocialWorker> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SocialWorker.class);
        fixture.registerInjectableResource(new InMemoryUnitRegistry()
                .with(HQ, UnitLevel.OPERATIONS_HQ, "南京市妇女儿童活动中心", null, null)
                .with(BRANCH, UnitLevel.BRANCH_CENTRE, "玄武区妇儿活动中心", "玄武区", HomeTier.STANDARD));
        fixture.registerInjectableResource(new InMemoryStationRegistry()
                .open(STATION, "home-1", EnumSet.allOf(StationPoint.class))
                .open(OTHER_STATION, "home-3", EnumSet.allOf(StationPoint.class))
                .open(CLOSED_STATION, "home-2", EnumSet.allOf(StationPoint.class))
                .closed(CLOSED_STATION));
        fixture.registerInjectableResource(FixedClock.CLOCK);
    }

    @Nested
    class Recruiting {

        @Test
        void theHeadquartersRecruitsWithItsNameOfTheTime() {
            fixture.givenNoPriorActivity()
                    .when(RecruitSocialWorker.read(WORKER, " 王芳 ", " 025-8456 1234 ", "SOCIAL_WORKER", HQ))
                    .expectEvents(RECRUITED);
        }

        @Test
        void phoneAndQualificationAreOptional() {
            fixture.givenNoPriorActivity()
                    .when(RecruitSocialWorker.read(WORKER, "王芳", null, null, HQ))
                    .expectEvents(new SocialWorkerRecruited(WORKER, "王芳", null, null, HQ, "南京市妇女儿童活动中心",
                            FixedClock.NOW));
        }

        @Test
        void aBlankQualificationIsNone() {
            fixture.givenNoPriorActivity()
                    .when(RecruitSocialWorker.read(WORKER, "王芳", " ", " ", HQ))
                    .expectEvents(new SocialWorkerRecruited(WORKER, "王芳", null, null, HQ, "南京市妇女儿童活动中心",
                            FixedClock.NOW));
        }

        @Test
        void refusesAnUnknownHeadquarters() {
            fixture.givenNoPriorActivity()
                    .when(RecruitSocialWorker.read(WORKER, "王芳", null, null, null))
                    .expectException(Refused.with(UNIT_UNKNOWN, "headquartersId"))
                    .expectNoEvents();
        }

        @Test
        void onlyTheHeadquartersRecruits() {
            fixture.givenNoPriorActivity()
                    .when(RecruitSocialWorker.read(WORKER, "王芳", null, null, BRANCH))
                    .expectException(Refused.with(NOT_HEADQUARTERS, "headquartersId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Assigning {

        @Test
        void assignsToAnOpenStationWithItsNameAndDistrict() {
            fixture.given(RECRUITED)
                    .when(new AssignSocialWorker(WORKER, STATION))
                    .expectEvents(ASSIGNED);
        }

        @Test
        void refusesAnUnknownStation() {
            fixture.given(RECRUITED)
                    .when(new AssignSocialWorker(WORKER, "no-such-station"))
                    .expectException(Refused.with(STATION_UNKNOWN, "stationId"))
                    .expectNoEvents();
        }

        @Test
        void refusesAStationThatIsNotOpen() {
            fixture.given(RECRUITED)
                    .when(new AssignSocialWorker(WORKER, CLOSED_STATION))
                    .expectException(Refused.with(STATION_NOT_OPEN, "stationId"))
                    .expectNoEvents();
        }

        @Test
        void oneStationAtATime() {
            fixture.given(RECRUITED, ASSIGNED)
                    .when(new AssignSocialWorker(WORKER, OTHER_STATION))
                    .expectException(Refused.with(SOCIAL_WORKER_ALREADY_ASSIGNED))
                    .expectNoEvents();
        }

        @Test
        void refusesAssigningAgainToTheSameStation() {
            fixture.given(RECRUITED, ASSIGNED)
                    .when(new AssignSocialWorker(WORKER, STATION))
                    .expectException(Refused.with(SOCIAL_WORKER_ALREADY_ASSIGNED))
                    .expectNoEvents();
        }

        @Test
        void movesToAnotherStationAfterBeingReleased() {
            fixture.given(RECRUITED, ASSIGNED, new SocialWorkerReleased(WORKER, "王芳", STATION, "梅园新村家庭驿站",
                            "调往新驿站", FixedClock.NOW))
                    .when(new AssignSocialWorker(WORKER, OTHER_STATION))
                    .expectEvents(new SocialWorkerAssigned(WORKER, "王芳", OTHER_STATION, "梅园新村家庭驿站", "玄武区",
                            FixedClock.NOW));
        }
    }

    @Nested
    class Releasing {

        @Test
        void releasesFromTheStationForAReason() {
            fixture.given(RECRUITED, ASSIGNED)
                    .when(new ReleaseSocialWorker(WORKER, "合同期满"))
                    .expectEvents(new SocialWorkerReleased(WORKER, "王芳", STATION, "梅园新村家庭驿站", "合同期满",
                            FixedClock.NOW));
        }

        @Test
        void refusesASocialWorkerWhoIsNotAssigned() {
            fixture.given(RECRUITED)
                    .when(new ReleaseSocialWorker(WORKER, "合同期满"))
                    .expectException(Refused.with(SOCIAL_WORKER_NOT_ASSIGNED))
                    .expectNoEvents();
        }

        @Test
        void refusesReleasingWithoutAReason() {
            fixture.given(RECRUITED, ASSIGNED)
                    .when(new ReleaseSocialWorker(WORKER, " "))
                    .expectException(Refused.with(REASON_REQUIRED, "reason"))
                    .expectNoEvents();
        }
    }
}
