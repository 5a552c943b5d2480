package org.familystation.command.people;

import org.axonframework.test.saga.SagaTestFixture;
import org.familystation.command.common.FixedClock;
import org.familystation.events.people.SocialWorkerAssigned;
import org.familystation.events.people.SocialWorkerReleased;
import org.familystation.events.station.StationClosed;
import org.familystation.events.station.StationSuspended;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StationSocialWorkersSagaTest {

    private static final String STATION = "7b0c3f0e-2d4e-4a53-9a59-0a4c2f6f1a01";
    private static final String OTHER_STATION = "7b0c3f0e-2d4e-4a53-9a59-0a4c2f6f1a02";
    private static final String WANG = "0e5c1b7a-3d2f-4c8e-9a1b-000000000001";
    private static final String LI = "0e5c1b7a-3d2f-4c8e-9a1b-000000000002";
    private static final String ZHAO = "0e5c1b7a-3d2f-4c8e-9a1b-000000000003";

    private SagaTestFixture<StationSocialWorkersSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(StationSocialWorkersSaga.class);
    }

    private static SocialWorkerAssigned assigned(String socialWorkerId, String stationId) {
        return new SocialWorkerAssigned(socialWorkerId, "社工", stationId, "梅园新村家庭驿站", "玄武区", FixedClock.NOW);
    }

    private static SocialWorkerReleased released(String socialWorkerId, String stationId) {
        return new SocialWorkerReleased(socialWorkerId, "社工", stationId, "梅园新村家庭驿站", "调岗", FixedClock.NOW);
    }

    @Test
    void followsTheSocialWorkersAssignedToAStation() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(assigned(WANG, STATION))
                .expectActiveSagas(1)
                .expectAssociationWith(StationSocialWorkersSaga.STATION_ID, STATION)
                .expectNoDispatchedCommands();
    }

    @Test
    void suspendingTheStationReleasesEveryoneStillAssignedWithTheStationsReason() {
        fixture.givenAPublished(assigned(WANG, STATION))
                .andThenAPublished(assigned(LI, STATION))
                .andThenAPublished(assigned(ZHAO, STATION))
                .andThenAPublished(released(ZHAO, STATION))
                .andThenAPublished(assigned(ZHAO, OTHER_STATION))
                .whenPublishingA(new StationSuspended(STATION, "场地维修", FixedClock.NOW))
                .expectDispatchedCommands(new ReleaseSocialWorker(WANG, "驿站暂停服务：场地维修"),
                        new ReleaseSocialWorker(LI, "驿站暂停服务：场地维修"))
                .expectActiveSagas(1);
    }

    @Test
    void closingTheStationReleasesItsSocialWorkers() {
        fixture.givenAPublished(assigned(WANG, STATION))
                .whenPublishingA(new StationClosed(STATION, "社区撤并", FixedClock.NOW))
                .expectDispatchedCommands(new ReleaseSocialWorker(WANG, "驿站关闭：社区撤并"))
                .expectActiveSagas(0);
    }

    @Test
    void aStationWhoseSocialWorkersAllLeftHasNothingToRelease() {
        fixture.givenAPublished(assigned(WANG, STATION))
                .andThenAPublished(released(WANG, STATION))
                .whenPublishingA(new StationClosed(STATION, "社区撤并", FixedClock.NOW))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }
}
