package org.familystation.command.station;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.familystation.command.common.CommonRefusals;
import org.familystation.command.common.FixedClock;
import org.familystation.command.common.Refused;
import org.familystation.events.common.HomeTier;
import org.familystation.events.common.StationPoint;
import org.familystation.events.station.StationOpened;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.familystation.command.station.StationRefusals.*;

class StationTest {

    private static final String STATION = "7b0c3f0e-2d4e-4a53-9a59-0a4c2f6f1a01";
    private static final String HOME = "xuanwu-meiyuan";

    private AggregateTestFixture<Station> fixture;
    private InMemoryStationRegistry registry;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Station.class);
        registry = new InMemoryStationRegistry();
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(new NetworkProperties());
        fixture.registerInjectableResource(FixedClock.CLOCK);
    }

    private static OpenStation open(String stationName, String district, String tier) {
        return new OpenStation(STATION, HOME, "梅园新村妇女儿童之家", stationName, district, tier);
    }

    @Test
    void opensWithAllFiveStationPointsActive() {
        fixture.givenNoPriorActivity()
                .when(open("梅园新村家庭驿站", "玄武区", "PROVINCIAL_DEMONSTRATION"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StationOpened(STATION, HOME, "梅园新村妇女儿童之家", "梅园新村家庭驿站", "玄武区",
                        HomeTier.PROVINCIAL_DEMONSTRATION, List.of(StationPoint.values()), FixedClock.NOW));
    }

    @Test
    void refusesASecondStationAtTheSameHome() {
        registry.open("another", HOME, EnumSet.allOf(StationPoint.class));
        fixture.givenNoPriorActivity()
                .when(open("梅园新村家庭驿站", "玄武区", "STANDARD"))
                .expectException(Refused.with(STATION_ALREADY_OPEN_AT_HOME))
                .expectNoEvents();
    }

    @Test
    void refusesADistrictOutsideTheCity() {
        fixture.givenNoPriorActivity()
                .when(open("梅园新村家庭驿站", "朝阳区", "STANDARD"))
                .expectException(Refused.with(DISTRICT_UNKNOWN, "district"))
                .expectNoEvents();
    }

    @Test
    void refusesABlankStationName() {
        fixture.givenNoPriorActivity()
                .when(open("  ", "玄武区", "STANDARD"))
                .expectException(Refused.with(STATION_NAME_INVALID, "stationName"))
                .expectNoEvents();
    }

    @Test
    void refusesAnOverLongStationName() {
        fixture.givenNoPriorActivity()
                .when(open("驿".repeat(Station.MAX_NAME + 1), "玄武区", "STANDARD"))
                .expectException(Refused.with(STATION_NAME_INVALID, "stationName"))
                .expectNoEvents();
    }

    @Test
    void refusesABlankCommunityHomeName() {
        fixture.givenNoPriorActivity()
                .when(new OpenStation(STATION, HOME, "", "梅园新村家庭驿站", "玄武区", "STANDARD"))
                .expectException(Refused.with(COMMUNITY_HOME_NAME_INVALID, "communityHomeName"))
                .expectNoEvents();
    }

    @Test
    void refusesAMissingCommunityHomeId() {
        fixture.givenNoPriorActivity()
                .when(new OpenStation(STATION, null, "梅园新村妇女儿童之家", "梅园新村家庭驿站", "玄武区", "STANDARD"))
                .expectException(Refused.with(COMMUNITY_HOME_ID_INVALID, "communityHomeId"))
                .expectNoEvents();
    }

    @Test
    void refusesAnUnknownHomeTier() {
        fixture.givenNoPriorActivity()
                .when(open("梅园新村家庭驿站", "玄武区", "NATIONAL"))
                .expectException(Refused.with(HOME_TIER_UNKNOWN, "homeTier"))
                .expectNoEvents();
    }

    @Test
    void refusesAnIdThatIsNotAUuid() {
        fixture.givenNoPriorActivity()
                .when(new OpenStation("station-1", HOME, "梅园新村妇女儿童之家", "梅园新村家庭驿站", "玄武区", "STANDARD"))
                .expectException(Refused.with(CommonRefusals.ID_INVALID, "stationId"))
                .expectNoEvents();
    }
}
