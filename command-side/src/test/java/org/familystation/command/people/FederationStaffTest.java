package org.familystation.command.people;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.familystation.command.common.FixedClock;
import org.familystation.command.common.Refused;
import org.familystation.command.network.InMemoryUnitRegistry;
import org.familystation.events.common.UnitLevel;
import org.familystation.events.people.FederationStaffRegistered;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.familystation.command.people.PeopleRefusals.*;

class FederationStaffTest {

    private static final String STAFF = "8e9f0a1b-2c3d-4e4f-8a5b-6c7d8e9f0a1b";
    private static final String BRANCH = "2d0e8f1b-6c5a-4f3b-9e4d-7a8b9c0d1e2f";

    private AggregateTestFixture<FederationStaff> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FederationStaff.class);
        fixture.registerInjectableResource(new InMemoryUnitRegistry()
                .with(BRANCH, UnitLevel.BRANCH_CENTRE, "玄武区妇儿活动中心", "玄武区", null));
        fixture.registerInjectableResource(FixedClock.CLOCK);
    }

    @Test
    void registersWithTheUnitsNameLevelAndDistrictOfTheTime() {
        fixture.givenNoPriorActivity()
                .when(RegisterFederationStaff.read(STAFF, "李红", "13912345678", BRANCH))
                .expectEvents(new FederationStaffRegistered(STAFF, "李红", "13912345678", BRANCH, "玄武区妇儿活动中心",
                        UnitLevel.BRANCH_CENTRE, "玄武区", FixedClock.NOW));
    }

    @Test
    void refusesAnUnknownUnit() {
        fixture.givenNoPriorActivity()
                .when(RegisterFederationStaff.read(STAFF, "李红", null, "no-such-unit"))
                .expectException(Refused.with(UNIT_UNKNOWN, "unitId"))
                .expectNoEvents();
    }

}
