package org.familystation.command.offering;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.familystation.command.alliance.InMemoryMemberRegistry;
import org.familystation.command.alliance.MembershipStatus;
import org.familystation.command.common.CommonRefusals;
import org.familystation.command.common.FixedClock;
import org.familystation.command.common.Refused;
import org.familystation.command.servicerecord.ServiceProjectCatalogue;
import org.familystation.command.station.InMemoryStationRegistry;
import org.familystation.events.common.Alliance;
import org.familystation.events.common.CapacityPeriod;
import org.familystation.events.common.Pricing;
import org.familystation.events.common.StationPoint;
import org.familystation.events.offering.OfferingWithdrawn;
import org.familystation.events.offering.ServiceOffered;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.EnumSet;

import static org.familystation.command.common.CommonRefusals.STATION_UNKNOWN;
import static org.familystation.command.common.Refused.assertRefused;
import static org.familystation.command.offering.OfferingRefusals.*;

class OfferingTest {

    private static final String OFFERING = "9c1d2e3f-4a5b-4c6d-8e7f-001122334455";
    private static final String MEMBER = "3f1d2c9a-8b7e-4c6d-9e0f-1a2b3c4d5e6f";
    private static final String SUSPENDED = "3f1d2c9a-8b7e-4c6d-9e0f-1a2b3c4d5e70";
    private static final String STATION = "7b0c3f0e-2d4e-4a53-9a59-0a4c2f6f1a01";
    private static final String CLOSED_STATION = "7b0c3f0e-2d4e-4a53-9a59-0a4c2f6f1a02";

    private AggregateTestFixture<Offering> fixture;
    private InMemoryOfferingRegistry offerings;
    private InMemoryMemberRegistry members;
    /** The member's admission: after its station opened, before the offerings of the tests. */
    private static final Instant ADMITTED_AT = Instant.parse("2015-01-10T02:00:00Z");

    @BeforeEach
    void setUp() {
        InMemoryStationRegistry stations = new InMemoryStationRegistry()
                .open(STATION, "home-1", EnumSet.complementOf(EnumSet.of(StationPoint.CULTURE)))
                .open(CLOSED_STATION, "home-2", EnumSet.allOf(StationPoint.class))
                .closed(CLOSED_STATION);
        members = new InMemoryMemberRegistry()
                .with(MEMBER, Alliance.PUBLIC_WELFARE, "李晓霞工作室", "91350100M000100Y43", MembershipStatus.ADMITTED)
                .with(SUSPENDED, Alliance.PUBLIC_WELFARE, "江苏红娘", "91320100134887962Y", MembershipStatus.SUSPENDED)
                .admittedAt(MEMBER, ADMITTED_AT);
        offerings = new InMemoryOfferingRegistry();
        fixture = new AggregateTestFixture<>(Offering.class);
        fixture.registerInjectableResource(members);
        fixture.registerInjectableResource(stations);
        fixture.registerInjectableResource(new ServiceProjectCatalogue());
        fixture.registerInjectableResource(offerings);
        fixture.registerInjectableResource(FixedClock.CLOCK);
    }

    private static OfferService offer(String member, String station, String project, String pricing, Long price,
                                      Integer capacity) {
        return OfferService.read(OFFERING, member, station, project, pricing, price, capacity, "PER_SESSION",
                "每周六上午", null, FixedClock.CLOCK);
    }

    private static OfferService dated(Instant offeredAt) {
        return OfferService.read(OFFERING, MEMBER, STATION, "PSYCHOLOGICAL_COUNSELLING", "FREE", null, 12,
                "PER_SESSION", "每周六上午", offeredAt, FixedClock.CLOCK);
    }

    private static OfferService counselling(String pricing, Long price) {
        return offer(MEMBER, STATION, "PSYCHOLOGICAL_COUNSELLING", pricing, price, 12);
    }

    private static ServiceOffered offered() {
        return new ServiceOffered(OFFERING, MEMBER, Alliance.PUBLIC_WELFARE, "李晓霞工作室", STATION, "梅园新村家庭驿站",
                "玄武区", StationPoint.EMOTIONAL, "PSYCHOLOGICAL_COUNSELLING", "心理咨询", Pricing.FREE, null, 12,
                CapacityPeriod.PER_SESSION, "每周六上午", FixedClock.NOW);
    }

    @Nested
    class OfferingAProject {

        @Test
        void recordsAFreeOfferingWithTheNamesOfTheTime() {
            fixture.givenNoPriorActivity()
                    .when(counselling("FREE", null))
                    .expectEvents(offered());
        }

        @Test
        void recordsAPaidOfferingWithItsPriceInFen() {
            fixture.givenNoPriorActivity()
                    .when(OfferService.read(OFFERING, MEMBER, STATION, "HOUSEKEEPING", "PAID", 8_000L, 40, "PER_MONTH",
                            null, null, FixedClock.CLOCK))
                    .expectEvents(new ServiceOffered(OFFERING, MEMBER, Alliance.PUBLIC_WELFARE, "李晓霞工作室", STATION,
                            "梅园新村家庭驿站", "玄武区", StationPoint.CONVENIENCE, "HOUSEKEEPING", "家政", Pricing.PAID,
                            8_000L, 40, CapacityPeriod.PER_MONTH, null, FixedClock.NOW));
        }

        @Test
        void acceptsASubsidisedOfferingWithAPrice() {
            fixture.givenNoPriorActivity()
                    .when(counselling("SUBSIDISED", 1_000L))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void acceptsAFreeOfferingWithAZeroPrice() {
            fixture.givenNoPriorActivity()
                    .when(counselling("FREE", 0L))
                    .expectEvents(offered());
        }

        @Test
        void recordsTheDateItWasFirstOffered() {
            Instant offeredAt = Instant.parse("2016-04-01T01:00:00Z");
            fixture.givenNoPriorActivity()
                    .when(dated(offeredAt))
                    .expectEvents(new ServiceOffered(OFFERING, MEMBER, Alliance.PUBLIC_WELFARE, "李晓霞工作室", STATION,
                            "梅园新村家庭驿站", "玄武区", StationPoint.EMOTIONAL, "PSYCHOLOGICAL_COUNSELLING", "心理咨询",
                            Pricing.FREE, null, 12, CapacityPeriod.PER_SESSION, "每周六上午", offeredAt));
        }

        @Test
        void refusesAnOfferingBeforeItsMemberWasAdmitted() {
            fixture.givenNoPriorActivity()
                    .when(dated(ADMITTED_AT.minusSeconds(60)))
                    .expectException(Refused.with(OFFERING_BEFORE_ADMISSION, "offeredAt"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnOfferingBeforeItsStationOpened() {
            members.admittedAt(MEMBER, InMemoryStationRegistry.OPENED_AT.minusSeconds(3_600));
            fixture.givenNoPriorActivity()
                    .when(dated(InMemoryStationRegistry.OPENED_AT.minusSeconds(60)))
                    .expectException(Refused.with(OFFERING_STATION_NOT_OPEN, "offeredAt"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnOfferingInTheFuture() {
            assertRefused(CommonRefusals.HAPPENED_IN_FUTURE, "offeredAt",
                    () -> dated(FixedClock.NOW.plusSeconds(86_400)));
        }

        @Test
        void refusesAnUnknownMember() {
            fixture.givenNoPriorActivity()
                    .when(offer("3f1d2c9a-0000-4c6d-9e0f-1a2b3c4d5e6f", STATION, "LEGAL_AID", "FREE", null, 5))
                    .expectException(Refused.with(MEMBER_UNKNOWN))
                    .expectNoEvents();
        }

        @Test
        void refusesAMemberThatIsNotAdmitted() {
            fixture.givenNoPriorActivity()
                    .when(offer(SUSPENDED, STATION, "LEGAL_AID", "FREE", null, 5))
                    .expectException(Refused.with(OFFERING_MEMBER_NOT_ADMITTED))
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownStation() {
            fixture.givenNoPriorActivity()
                    .when(offer(MEMBER, "no-such-station", "LEGAL_AID", "FREE", null, 5))
                    .expectException(Refused.with(STATION_UNKNOWN, "stationId"))
                    .expectNoEvents();
        }

        @Test
        void refusesAStationThatIsNotOpen() {
            fixture.givenNoPriorActivity()
                    .when(offer(MEMBER, CLOSED_STATION, "LEGAL_AID", "FREE", null, 5))
                    .expectException(Refused.with(OFFERING_STATION_NOT_OPEN, "stationId"))
                    .expectNoEvents();
        }

        @Test
        void refusesAProjectOutsideTheCatalogue() {
            fixture.givenNoPriorActivity()
                    .when(offer(MEMBER, STATION, "KARAOKE", "FREE", null, 5))
                    .expectException(Refused.with(PROJECT_UNKNOWN, "projectCode"))
                    .expectNoEvents();
        }

        @Test
        void refusesAProjectWhoseStationPointIsNotActiveThere() {
            fixture.givenNoPriorActivity()
                    .when(offer(MEMBER, STATION, "FAMILY_EDUCATION", "FREE", null, 5))
                    .expectException(Refused.with(OFFERING_STATION_POINT_NOT_ACTIVE, "projectCode"))
                    .expectNoEvents();
        }

        @Test
        void refusesTheSameProjectAtTheSameStationTwice() {
            offerings.offering(MEMBER, STATION, "PSYCHOLOGICAL_COUNSELLING");
            fixture.givenNoPriorActivity()
                    .when(counselling("FREE", null))
                    .expectException(Refused.with(OFFERING_ALREADY_EXISTS))
                    .expectNoEvents();
        }

        @Test
        void acceptsTheSameProjectAtAnotherStationOrAnotherProjectAtTheSameStation() {
            offerings.offering(MEMBER, "another-station", "PSYCHOLOGICAL_COUNSELLING")
                    .offering(MEMBER, STATION, "LEGAL_AID");
            fixture.givenNoPriorActivity()
                    .when(counselling("FREE", null))
                    .expectEvents(offered());
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, 10_001})
        void refusesACapacityBelowOneOrAbsurd(int capacity) {
            assertRefused(CAPACITY_INVALID, "capacity",
                    () -> offer(MEMBER, STATION, "LEGAL_AID", "FREE", null, capacity));
        }

        @Test
        void refusesAMissingCapacity() {
            assertRefused(CAPACITY_INVALID, "capacity", () -> offer(MEMBER, STATION, "LEGAL_AID", "FREE", null, null));
        }

        @Test
        void refusesAnUnknownCapacityPeriod() {
            assertRefused(CAPACITY_PERIOD_UNKNOWN, "capacityPeriod",
                    () -> OfferService.read(OFFERING, MEMBER, STATION, "LEGAL_AID", "FREE", null, 5, "PER_YEAR", null,
                            null, FixedClock.CLOCK));
        }

        @Test
        void refusesAnUnknownPricing() {
            assertRefused(PRICING_UNKNOWN, "pricing", () -> counselling("DONATION", null));
        }

        @Test
        void refusesAPriceOnAFreeOffering() {
            assertRefused(PRICE_NOT_ALLOWED_WHEN_FREE, "priceFen", () -> counselling("FREE", 500L));
        }

        @ParameterizedTest
        @ValueSource(strings = {"PAID", "SUBSIDISED"})
        void refusesAPaidOrSubsidisedOfferingWithoutAPrice(String pricing) {
            assertRefused(PRICE_REQUIRED, "priceFen", () -> counselling(pricing, null));
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -100, 10_000_001})
        void refusesAPriceBelowOneFenOrAbsurd(long price) {
            assertRefused(PRICE_REQUIRED, "priceFen", () -> counselling("PAID", price));
        }

        @Test
        void refusesAnOverLongSchedule() {
            assertRefused(SCHEDULE_TOO_LONG, "schedule",
                    () -> OfferService.read(OFFERING, MEMBER, STATION, "LEGAL_AID", "FREE", null, 5, "PER_SESSION",
                            "周".repeat(OfferService.MAX_SCHEDULE + 1), null, FixedClock.CLOCK));
        }

        @Test
        void refusesAnIdThatIsNotAUuid() {
            assertRefused(CommonRefusals.ID_INVALID, "offeringId",
                    () -> OfferService.read("offering-1", MEMBER, STATION, "LEGAL_AID", "FREE", null, 5, "PER_SESSION",
                            null, null, FixedClock.CLOCK));
        }
    }

    @Nested
    class Withdrawing {

        @Test
        void recordsWhy() {
            fixture.given(offered())
                    .when(new WithdrawOffering(OFFERING, "场地调整"))
                    .expectEvents(new OfferingWithdrawn(OFFERING, MEMBER, STATION, "PSYCHOLOGICAL_COUNSELLING", "场地调整",
                            FixedClock.NOW));
        }

        @Test
        void refusesAWithdrawalWithoutAReason() {
            fixture.given(offered())
                    .when(new WithdrawOffering(OFFERING, " "))
                    .expectException(Refused.with(WITHDRAWAL_REASON_REQUIRED, "reason"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnOfferingAlreadyWithdrawn() {
            fixture.given(offered(), new OfferingWithdrawn(OFFERING, MEMBER, STATION, "PSYCHOLOGICAL_COUNSELLING",
                            "场地调整", FixedClock.NOW))
                    .when(new WithdrawOffering(OFFERING, "再次撤下"))
                    .expectException(Refused.with(OFFERING_ALREADY_WITHDRAWN))
                    .expectNoEvents();
        }
    }
}
