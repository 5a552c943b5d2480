package org.familystation.command.station;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.familystation.command.catalogue.InMemoryCatalogueRegistry;
import org.familystation.command.common.FixedClock;
import org.familystation.command.common.Refused;
import org.familystation.command.network.InMemoryUnitRegistry;
import org.familystation.events.common.CatalogueKind;
import org.familystation.events.common.HomeTier;
import org.familystation.events.common.StationPoint;
import org.familystation.events.common.UnitLevel;
import org.familystation.events.station.SpecialtyServiceAdded;
import org.familystation.events.station.SpecialtyServiceRetired;
import org.familystation.events.station.StationClosed;
import org.familystation.events.station.StationOpened;
import org.familystation.events.station.StationPointActivated;
import org.familystation.events.station.StationPointDeactivated;
import org.familystation.events.station.StationReopened;
import org.familystation.events.station.StationSuspended;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import static org.familystation.command.station.StationRefusals.*;

class StationTest {

    private static final String STATION = "7b0c3f0e-2d4e-4a53-9a59-0a4c2f6f1a01";
    private static final String HOME = "1c9d7e0a-5b4f-4e2a-8d3c-6f7a8b9c0d1e";
    private static final String BRANCH = "2d0e8f1b-6c5a-4f3b-9e4d-7a8b9c0d1e2f";
    private static final StationOpened OPENED = new StationOpened(STATION, HOME, "梅园新村妇女儿童之家", "梅园新村家庭驿站",
            "玄武区", HomeTier.PROVINCIAL_DEMONSTRATION, List.of(StationPoint.values()), FixedClock.NOW);

    private AggregateTestFixture<Station> fixture;
    private InMemoryStationRegistry stations;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Station.class);
        stations = new InMemoryStationRegistry();
        fixture.registerInjectableResource(stations);
        fixture.registerInjectableResource(new InMemoryUnitRegistry()
                .with(HOME, UnitLevel.COMMUNITY_HOME, "梅园新村妇女儿童之家", "玄武区", HomeTier.PROVINCIAL_DEMONSTRATION)
                .with(BRANCH, UnitLevel.BRANCH_CENTRE, "玄武区妇儿活动中心", "玄武区", null));
        fixture.registerInjectableResource(new InMemoryCatalogueRegistry()
                .with(CatalogueKind.SPECIALTY_SERVICE, "ELDERLY_MEALS", "老年助餐", null, false)
                .with(CatalogueKind.SPECIALTY_SERVICE, "OLD_CRAFT", "传统手工", null, true));
        fixture.registerInjectableResource(FixedClock.CLOCK);
    }

    /** Each change carries when it happened in the world; a station's changes are entered in that order. */
    @Nested
    class BusinessDates {

        private final Instant opened = Instant.parse("2024-05-01T00:00:00Z");
        private final Instant suspended = Instant.parse("2025-01-01T00:00:00Z");
        private final StationOpened openedThen = new StationOpened(STATION, HOME, "梅园新村妇女儿童之家",
                "梅园新村家庭驿站", "玄武区", HomeTier.PROVINCIAL_DEMONSTRATION, List.of(StationPoint.values()), opened);

        @Test
        void opensOnTheDateGivenNotWhenItIsEntered() {
            fixture.givenNoPriorActivity()
                    .when(OpenStation.read(STATION, HOME, "梅园新村家庭驿站", opened, FixedClock.CLOCK))
                    .expectEvents(openedThen);
        }

        @Test
        void suspendsOnTheDateGiven() {
            fixture.given(openedThen)
                    .when(SuspendStation.read(STATION, "场地维修", suspended, FixedClock.CLOCK))
                    .expectEvents(new StationSuspended(STATION, "场地维修", suspended));
        }

        @Test
        void refusesAClosingBeforeTheOpening() {
            fixture.given(openedThen)
                    .when(CloseStation.read(STATION, "社区合并", Instant.parse("2024-04-30T00:00:00Z"), FixedClock.CLOCK))
                    .expectException(Refused.with(STATION_CHANGE_OUT_OF_ORDER, "effectiveAt"))
                    .expectNoEvents();
        }

        @Test
        void refusesAReopeningBeforeTheSuspension() {
            fixture.given(openedThen, new StationSuspended(STATION, "场地维修", suspended))
                    .when(ReopenStation.read(STATION, "维修完成", Instant.parse("2024-12-31T00:00:00Z"), FixedClock.CLOCK))
                    .expectException(Refused.with(STATION_CHANGE_OUT_OF_ORDER, "effectiveAt"))
                    .expectNoEvents();
        }

        @Test
        void refusesAPointChangeBeforeTheStationsLatestChange() {
            fixture.given(openedThen, new StationSuspended(STATION, "场地维修", suspended))
                    .when(DeactivateStationPoint.read(STATION, "CULTURE", "活动室装修", Instant.parse("2024-12-01T00:00:00Z"), FixedClock.CLOCK))
                    .expectException(Refused.with(STATION_CHANGE_OUT_OF_ORDER, "effectiveAt"))
                    .expectNoEvents();
        }

        @Test
        void refusesASpecialtyBeforeTheOpening() {
            fixture.given(openedThen)
                    .when(AddSpecialtyService.read(STATION, "ELDERLY_MEALS", Instant.parse("2024-04-01T00:00:00Z"), FixedClock.CLOCK))
                    .expectException(Refused.with(CHANGE_BEFORE_STATION_OPENED, "effectiveAt"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Opening {

        @Test
        void opensAtACommunityHomeWithItsNameDistrictAndTierAndAllFivePointsActive() {
            fixture.givenNoPriorActivity()
                    .when(OpenStation.read(STATION, HOME, "梅园新村家庭驿站", null, FixedClock.CLOCK))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(OPENED);
        }

        @Test
        void refusesASecondStationAtTheSameHome() {
            stations.open("another", HOME, EnumSet.allOf(StationPoint.class));
            fixture.givenNoPriorActivity()
                    .when(OpenStation.read(STATION, HOME, "梅园新村家庭驿站", null, FixedClock.CLOCK))
                    .expectException(Refused.with(STATION_ALREADY_OPEN_AT_HOME))
                    .expectNoEvents();
        }

        @Test
        void refusesAHomeThatIsNotAnEstablishedCommunityHome() {
            fixture.givenNoPriorActivity()
                    .when(OpenStation.read(STATION, "no-such-home", "梅园新村家庭驿站", null, FixedClock.CLOCK))
                    .expectException(Refused.with(COMMUNITY_HOME_UNKNOWN, "communityHomeId"))
                    .expectNoEvents();
        }

        @Test
        void refusesAUnitThatIsNotACommunityHome() {
            fixture.givenNoPriorActivity()
                    .when(OpenStation.read(STATION, BRANCH, "玄武区家庭驿站", null, FixedClock.CLOCK))
                    .expectException(Refused.with(COMMUNITY_HOME_UNKNOWN, "communityHomeId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class StationPoints {

        @Test
        void deactivatesAndActivatesAPointWithAReason() {
            fixture.given(OPENED)
                    .when(DeactivateStationPoint.read(STATION, "CULTURE", "活动室装修", null, FixedClock.CLOCK))
                    .expectEvents(new StationPointDeactivated(STATION, StationPoint.CULTURE, "活动室装修",
                            FixedClock.NOW));
            fixture.given(OPENED, new StationPointDeactivated(STATION, StationPoint.CULTURE, "活动室装修",
                            FixedClock.NOW))
                    .when(ActivateStationPoint.read(STATION, "CULTURE", "装修完成", null, FixedClock.CLOCK))
                    .expectEvents(new StationPointActivated(STATION, StationPoint.CULTURE, "装修完成", FixedClock.NOW));
        }

        @Test
        void refusesActivatingAnActivePoint() {
            fixture.given(OPENED)
                    .when(ActivateStationPoint.read(STATION, "CULTURE", "重复", null, FixedClock.CLOCK))
                    .expectException(Refused.with(STATION_POINT_ALREADY_ACTIVE, "point"))
                    .expectNoEvents();
        }

        @Test
        void refusesDeactivatingAnInactivePoint() {
            fixture.given(OPENED, new StationPointDeactivated(STATION, StationPoint.CULTURE, "装修", FixedClock.NOW))
                    .when(DeactivateStationPoint.read(STATION, "CULTURE", "重复", null, FixedClock.CLOCK))
                    .expectException(Refused.with(STATION_POINT_ALREADY_INACTIVE, "point"))
                    .expectNoEvents();
        }
    }

    @Nested
    class SpecialtyServices {

        @Test
        void addsAndRetiresASpecialtyFromTheCatalogue() {
            fixture.given(OPENED)
                    .when(AddSpecialtyService.read(STATION, "ELDERLY_MEALS", null, FixedClock.CLOCK))
                    .expectEvents(new SpecialtyServiceAdded(STATION, "ELDERLY_MEALS", "老年助餐", FixedClock.NOW));
            fixture.given(OPENED, new SpecialtyServiceAdded(STATION, "ELDERLY_MEALS", "老年助餐", FixedClock.NOW))
                    .when(RetireSpecialtyService.read(STATION, "ELDERLY_MEALS", "需求减少", null, FixedClock.CLOCK))
                    .expectEvents(new SpecialtyServiceRetired(STATION, "ELDERLY_MEALS", "老年助餐", "需求减少",
                            FixedClock.NOW));
        }

        @Test
        void refusesASpecialtyOutsideTheCatalogue() {
            fixture.given(OPENED)
                    .when(AddSpecialtyService.read(STATION, "KARAOKE", null, FixedClock.CLOCK))
                    .expectException(Refused.with(SPECIALTY_UNKNOWN, "specialtyCode"))
                    .expectNoEvents();
        }

        @Test
        void refusesARetiredCatalogueEntry() {
            fixture.given(OPENED)
                    .when(AddSpecialtyService.read(STATION, "OLD_CRAFT", null, FixedClock.CLOCK))
                    .expectException(Refused.with(SPECIALTY_UNKNOWN, "specialtyCode"))
                    .expectNoEvents();
        }

        @Test
        void refusesASpecialtyAlreadyOffered() {
            fixture.given(OPENED, new SpecialtyServiceAdded(STATION, "ELDERLY_MEALS", "老年助餐", FixedClock.NOW))
                    .when(AddSpecialtyService.read(STATION, "ELDERLY_MEALS", null, FixedClock.CLOCK))
                    .expectException(Refused.with(SPECIALTY_ALREADY_OFFERED, "specialtyCode"))
                    .expectNoEvents();
        }

        @Test
        void refusesRetiringASpecialtyNotOffered() {
            fixture.given(OPENED)
                    .when(RetireSpecialtyService.read(STATION, "ELDERLY_MEALS", "无", null, FixedClock.CLOCK))
                    .expectException(Refused.with(SPECIALTY_NOT_OFFERED, "specialtyCode"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Lifecycle {

        private final StationSuspended suspended = new StationSuspended(STATION, "场地维修", FixedClock.NOW);
        private final StationClosed closed = new StationClosed(STATION, "社区合并", FixedClock.NOW);

        @Test
        void suspendsReopensAndCloses() {
            fixture.given(OPENED).when(SuspendStation.read(STATION, "场地维修", null, FixedClock.CLOCK)).expectEvents(suspended);
            fixture.given(OPENED, suspended).when(ReopenStation.read(STATION, "维修完成", null, FixedClock.CLOCK))
                    .expectEvents(new StationReopened(STATION, "维修完成", FixedClock.NOW));
            fixture.given(OPENED, suspended).when(CloseStation.read(STATION, "社区合并", null, FixedClock.CLOCK)).expectEvents(closed);
        }

        @Test
        void refusesSuspendingAStationNotOpen() {
            fixture.given(OPENED, suspended)
                    .when(SuspendStation.read(STATION, "再次暂停", null, FixedClock.CLOCK))
                    .expectException(Refused.with(STATION_NOT_OPEN))
                    .expectNoEvents();
        }

        @Test
        void refusesReopeningAStationNotSuspended() {
            fixture.given(OPENED)
                    .when(ReopenStation.read(STATION, "恢复", null, FixedClock.CLOCK))
                    .expectException(Refused.with(STATION_NOT_SUSPENDED))
                    .expectNoEvents();
        }

        @Test
        void refusesEveryChangeAfterClosing() {
            fixture.given(OPENED, closed)
                    .when(ReopenStation.read(STATION, "恢复", null, FixedClock.CLOCK))
                    .expectException(Refused.with(STATION_CLOSED))
                    .expectNoEvents();
            fixture.given(OPENED, closed)
                    .when(CloseStation.read(STATION, "再次关闭", null, FixedClock.CLOCK))
                    .expectException(Refused.with(STATION_CLOSED))
                    .expectNoEvents();
            fixture.given(OPENED, closed)
                    .when(DeactivateStationPoint.read(STATION, "CULTURE", "关闭后", null, FixedClock.CLOCK))
                    .expectException(Refused.with(STATION_CLOSED))
                    .expectNoEvents();
        }
    }
}
