package org.familystation.command.network;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.familystation.command.common.FixedClock;
import org.familystation.command.common.Refused;
import org.familystation.events.common.HomeTier;
import org.familystation.events.common.UnitLevel;
import org.familystation.events.network.CommunityHomeRerated;
import org.familystation.events.network.UnitEstablished;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.familystation.command.network.NetworkRefusals.*;

class OrganisationUnitTest {

    private static final String UNIT = "4e1f9a2c-7d6b-4a4c-8f5e-8b9c0d1e2f3a";
    private static final String FEDERATION = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String HQ = "1a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String XUANWU = "2a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String GULOU = "3a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    private AggregateTestFixture<OrganisationUnit> fixture;
    private InMemoryUnitRegistry units;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OrganisationUnit.class);
        units = new InMemoryUnitRegistry()
                .with(FEDERATION, UnitLevel.FEDERATION, "南京市妇联", null, null)
                .with(HQ, UnitLevel.OPERATIONS_HQ, "南京市妇女儿童活动中心", null, null)
                .with(XUANWU, UnitLevel.BRANCH_CENTRE, "玄武区妇儿活动中心", "玄武区", null)
                .with(GULOU, UnitLevel.BRANCH_CENTRE, "鼓楼区妇儿活动中心", "鼓楼区", null);
        fixture.registerInjectableResource(units);
        fixture.registerInjectableResource(new NetworkProperties());
        fixture.registerInjectableResource(FixedClock.CLOCK);
    }

    private static UnitEstablished home(HomeTier tier) {
        return new UnitEstablished(UNIT, UnitLevel.COMMUNITY_HOME, "梅园新村妇女儿童之家", XUANWU, "玄武区", tier,
                FixedClock.NOW);
    }

    @Nested
    class Establishing {

        @Test
        void establishesACommunityHomeInItsBranchCentresDistrict() {
            fixture.givenNoPriorActivity()
                    .when(EstablishUnit.read(UNIT, "COMMUNITY_HOME", "梅园新村妇女儿童之家", XUANWU, null, "STANDARD"))
                    .expectEvents(home(HomeTier.STANDARD));
        }

        @Test
        void establishesTheFederationOnce() {
            fixture.givenNoPriorActivity()
                    .when(EstablishUnit.read(UNIT, "FEDERATION", "南京市妇联", null, null, null))
                    .expectException(Refused.with(FEDERATION_EXISTS))
                    .expectNoEvents();
        }

        @Test
        void establishesACityCentreUnderTheHeadquarters() {
            fixture.givenNoPriorActivity()
                    .when(EstablishUnit.read(UNIT, "CITY_CENTRE", "妇女维权服务中心", HQ, null, null))
                    .expectEvents(new UnitEstablished(UNIT, UnitLevel.CITY_CENTRE, "妇女维权服务中心", HQ, null, null,
                            FixedClock.NOW));
        }

        @Test
        void refusesAnUnknownParent() {
            fixture.givenNoPriorActivity()
                    .when(EstablishUnit.read(UNIT, "COMMUNITY_HOME", "梅园新村妇女儿童之家", "nowhere", null, "STANDARD"))
                    .expectException(Refused.with(PARENT_UNKNOWN, "parentUnitId"))
                    .expectNoEvents();
        }

        @Test
        void refusesAParentOfTheWrongLevel() {
            fixture.givenNoPriorActivity()
                    .when(EstablishUnit.read(UNIT, "COMMUNITY_HOME", "梅园新村妇女儿童之家", HQ, "玄武区", "STANDARD"))
                    .expectException(Refused.with(PARENT_LEVEL_NOT_ALLOWED, "parentUnitId"))
                    .expectNoEvents();
        }

        @Test
        void refusesADistrictOutsideTheCity() {
            fixture.givenNoPriorActivity()
                    .when(EstablishUnit.read(UNIT, "BRANCH_CENTRE", "朝阳区妇儿活动中心", HQ, "朝阳区", null))
                    .expectException(Refused.with(DISTRICT_UNKNOWN, "district"))
                    .expectNoEvents();
        }

        @Test
        void refusesADistrictOtherThanTheParents() {
            fixture.givenNoPriorActivity()
                    .when(EstablishUnit.read(UNIT, "COMMUNITY_HOME", "宁海路妇女儿童之家", XUANWU, "鼓楼区", "STANDARD"))
                    .expectException(Refused.with(DISTRICT_OUTSIDE_PARENT, "district"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Rerating {

        @Test
        void reratesACommunityHomeForAReason() {
            fixture.given(home(HomeTier.STANDARD))
                    .when(RerateCommunityHome.read(UNIT, "PROVINCIAL_DEMONSTRATION", "获评省级示范"))
                    .expectEvents(new CommunityHomeRerated(UNIT, HomeTier.STANDARD, HomeTier.PROVINCIAL_DEMONSTRATION,
                            "获评省级示范", FixedClock.NOW));
        }

        @Test
        void refusesTheSameTier() {
            fixture.given(home(HomeTier.STANDARD))
                    .when(RerateCommunityHome.read(UNIT, "STANDARD", "复核"))
                    .expectException(Refused.with(TIER_UNCHANGED))
                    .expectNoEvents();
        }

        @Test
        void refusesAUnitThatIsNotACommunityHome() {
            fixture.given(new UnitEstablished(UNIT, UnitLevel.BRANCH_CENTRE, "玄武区妇儿活动中心", HQ, "玄武区", null,
                            FixedClock.NOW))
                    .when(RerateCommunityHome.read(UNIT, "STANDARD", "复核"))
                    .expectException(Refused.with(NOT_A_COMMUNITY_HOME))
                    .expectNoEvents();
        }
    }
}
