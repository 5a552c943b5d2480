package org.familystation.command.people;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.familystation.command.common.FixedClock;
import org.familystation.command.common.Refused;
import org.familystation.command.network.InMemoryUnitRegistry;
import org.familystation.command.servicerecord.InMemoryServiceRecordRegistry;
import org.familystation.events.common.HomeTier;
import org.familystation.events.common.UnitLevel;
import org.familystation.events.people.VolunteerHoursRecorded;
import org.familystation.events.people.VolunteerRegistered;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.familystation.command.people.PeopleRefusals.*;

class VolunteerTest {

    private static final String VOLUNTEER = "9f0a1b2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c";
    private static final String HOME = "1c9d7e0a-5b4f-4e2a-8d3c-6f7a8b9c0d1e";
    private static final String STATION = "7b0c3f0e-2d4e-4a53-9a59-0a4c2f6f1a01";
    private static final String RECORD = "5a6b7c8d-1e2f-4a3b-8c4d-5e6f7a8b9c0d";
    private static final String VOIDED_RECORD = "5a6b7c8d-1e2f-4a3b-8c4d-5e6f7a8b9c0e";
    private static final Instant DELIVERED = Instant.parse("2026-11-19T06:30:00Z");

    private static final VolunteerRegistered REGISTERED = new VolunteerRegistered(VOLUNTEER, "陈静", "NJ-2026-0001",
            null, HOME, "梅园新村妇女儿童之家", "玄武区", FixedClock.NOW);
    private static final VolunteerHoursRecorded HOURS = new VolunteerHoursRecorded(VOLUNTEER, "陈静", "NJ-2026-0001",
            RECORD, STATION, "梅园新村家庭驿站", "玄武区", "EMPTY_NEST_ELDERLY_CARE", "空巢老人关爱", DELIVERED, 150,
            FixedClock.NOW);

    private AggregateTestFixture<Volunteer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Volunteer.class);
        fixture.registerInjectableResource(new InMemoryVolunteerRegistry().with("NJ-2025-0999"));
        fixture.registerInjectableResource(new InMemoryUnitRegistry()
                .with(HOME, UnitLevel.COMMUNITY_HOME, "梅园新村妇女儿童之家", "玄武区", HomeTier.STANDARD));
        fixture.registerInjectableResource(new InMemoryServiceRecordRegistry()
                .with(RECORD, STATION, "EMPTY_NEST_ELDERLY_CARE", "空巢老人关爱", DELIVERED, false)
                .with(VOIDED_RECORD, STATION, "HOUSEKEEPING", "家政", DELIVERED, true));
        fixture.registerInjectableResource(FixedClock.CLOCK);
    }

    @Nested
    class Registering {

        @Test
        void registersWithTheNumberInCapitalsAndTheHomeUnitOfTheTime() {
            fixture.givenNoPriorActivity()
                    .when(RegisterVolunteer.read(VOLUNTEER, "陈静", " nj-2026-0001 ", null, HOME))
                    .expectEvents(REGISTERED);
        }

        @Test
        void homeUnitAndPhoneAreOptional() {
            fixture.givenNoPriorActivity()
                    .when(RegisterVolunteer.read(VOLUNTEER, "陈静", "NJ-2026-0001", "13800000000", " "))
                    .expectEvents(new VolunteerRegistered(VOLUNTEER, "陈静", "NJ-2026-0001", "13800000000", null,
                            null, null, FixedClock.NOW));
        }

        @Test
        void refusesANumberAlreadyRegistered() {
            fixture.givenNoPriorActivity()
                    .when(RegisterVolunteer.read(VOLUNTEER, "陈静", "nj-2025-0999", null, null))
                    .expectException(Refused.with(VOLUNTEER_NUMBER_TAKEN, "volunteerNumber"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownHomeUnit() {
            fixture.givenNoPriorActivity()
                    .when(RegisterVolunteer.read(VOLUNTEER, "陈静", "NJ-2026-0001", null, "no-such-unit"))
                    .expectException(Refused.with(UNIT_UNKNOWN, "homeUnitId"))
                    .expectNoEvents();
        }

    }

    @Nested
    class RecordingHours {

        @Test
        void recordsMinutesWithTheServiceRecordsStationProjectAndDeliveryOfTheTime() {
            fixture.given(REGISTERED)
                    .when(new RecordVolunteerHours(VOLUNTEER, RECORD, MinutesHelped.of(150)))
                    .expectEvents(HOURS);
        }

        @Test
        void refusesASecondEntryOnTheSameServiceRecord() {
            fixture.given(REGISTERED, HOURS)
                    .when(new RecordVolunteerHours(VOLUNTEER, RECORD, MinutesHelped.of(30)))
                    .expectException(Refused.with(HOURS_ALREADY_RECORDED, "serviceRecordId"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownServiceRecord() {
            fixture.given(REGISTERED)
                    .when(new RecordVolunteerHours(VOLUNTEER, "no-such-record", MinutesHelped.of(60)))
                    .expectException(Refused.with(SERVICE_RECORD_UNKNOWN, "serviceRecordId"))
                    .expectNoEvents();
        }

        @Test
        void refusesAVoidedServiceRecord() {
            fixture.given(REGISTERED)
                    .when(new RecordVolunteerHours(VOLUNTEER, VOIDED_RECORD, MinutesHelped.of(60)))
                    .expectException(Refused.with(SERVICE_RECORD_VOIDED, "serviceRecordId"))
                    .expectNoEvents();
        }

        @Test
        void acceptsAWholeDay() {
            fixture.given(REGISTERED)
                    .when(new RecordVolunteerHours(VOLUNTEER, RECORD, MinutesHelped.of(1_440)))
                    .expectSuccessfulHandlerExecution();
        }

    }
}
