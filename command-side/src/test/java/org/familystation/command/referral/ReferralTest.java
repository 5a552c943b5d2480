package org.familystation.command.referral;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.familystation.command.common.FixedClock;
import org.familystation.command.common.Refused;
import org.familystation.command.station.InMemoryStationRegistry;
import org.familystation.events.common.CityCentre;
import org.familystation.events.common.ConsentMethod;
import org.familystation.events.common.StationPoint;
import org.familystation.events.referral.CaseReferred;
import org.familystation.events.referral.ReferralAccepted;
import org.familystation.events.referral.ReferralAcceptanceOverdue;
import org.familystation.events.referral.ReferralClosed;
import org.familystation.events.referral.ReferralDeclined;
import org.familystation.events.referral.ReferralResolved;
import org.familystation.events.referral.ReferralWithdrawn;
import org.familystation.events.referral.ReferralWorkStarted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.familystation.command.referral.Referral.ACCEPTANCE_DEADLINE;
import static org.familystation.command.common.CommonRefusals.STATION_UNKNOWN;
import static org.familystation.command.referral.ReferralRefusals.*;
import static org.familystation.events.common.CityCentre.RIGHTS_SERVICE_CENTRE;

class ReferralTest {

    private static final String REFERRAL = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    private static final String STATION = "7b0c3f0e-2d4e-4a53-9a59-0a4c2f6f1a01";
    private static final String CLOSED_STATION = "7b0c3f0e-2d4e-4a53-9a59-0a4c2f6f1a02";
    private static final String SUMMARY = "当事人长期遭受家庭暴力，希望获得法律援助和人身安全保护令申请指导";
    private static final Duration LIMIT = Duration.ofDays(3);
    private static final Instant DUE = FixedClock.NOW.plus(LIMIT);
    /** Centre staff of the rights centre act with its name as their unit. */

    private AggregateTestFixture<Referral> fixture;
    private ReferralProperties properties;

    @BeforeEach
    void setUp() {
        InMemoryStationRegistry stations = new InMemoryStationRegistry()
                .open(STATION, "home-1", EnumSet.allOf(StationPoint.class))
                .open(CLOSED_STATION, "home-2", EnumSet.allOf(StationPoint.class))
                .closed(CLOSED_STATION);
        properties = new ReferralProperties();
        properties.getCategories().put(RIGHTS_SERVICE_CENTRE, Map.of("FAMILY_MEDIATION", "婚姻家庭调解"));
        fixture = new AggregateTestFixture<>(Referral.class);
        fixture.registerInjectableResource(stations);
        fixture.registerInjectableResource(new ReferralCategoryCatalogue(properties));
        fixture.registerInjectableResource(properties);
        fixture.registerInjectableResource(FixedClock.CLOCK);
    }

    private static ReferCase refer(String category, String summary, Boolean consentGiven, String consentMethod) {
        return ReferCase.read(REFERRAL, STATION, "RIGHTS_SERVICE_CENTRE", category, summary, consentGiven,
                consentMethod);
    }

    private static ReferCase refer() {
        return refer("LEGAL_AID", SUMMARY, true, "WRITTEN");
    }

    private static CaseReferred referred() {
        return new CaseReferred(REFERRAL, STATION, "梅园新村家庭驿站", "玄武区", RIGHTS_SERVICE_CENTRE, "LEGAL_AID", "法律援助",
                SUMMARY, ConsentMethod.WRITTEN, FixedClock.NOW, DUE);
    }

    private static ReferralAccepted accepted() {
        return new ReferralAccepted(REFERRAL, STATION, RIGHTS_SERVICE_CENTRE, FixedClock.NOW);
    }

    private static ReferralWorkStarted started() {
        return new ReferralWorkStarted(REFERRAL, STATION, RIGHTS_SERVICE_CENTRE, FixedClock.NOW);
    }

    private static ReferralResolved resolved() {
        return new ReferralResolved(REFERRAL, STATION, RIGHTS_SERVICE_CENTRE, "已协助申请人身安全保护令并获法院签发",
                FixedClock.NOW);
    }

    private static ReferralClosed closed() {
        return new ReferralClosed(REFERRAL, STATION, RIGHTS_SERVICE_CENTRE, FixedClock.NOW);
    }

    private static ReferralDeclined declined() {
        return new ReferralDeclined(REFERRAL, STATION, RIGHTS_SERVICE_CENTRE, "不属于本中心受理范围", FixedClock.NOW);
    }

    private static ReferralWithdrawn withdrawn() {
        return new ReferralWithdrawn(REFERRAL, STATION, RIGHTS_SERVICE_CENTRE, "当事人已自行解决", FixedClock.NOW);
    }

    private static ReferralAcceptanceOverdue overdue() {
        return new ReferralAcceptanceOverdue(REFERRAL, STATION, RIGHTS_SERVICE_CENTRE, DUE);
    }

    @Nested
    class Referring {

        @Test
        void refersACaseWithConsentAndTheNamesOfTheTimeAndSetsTheAcceptanceDeadline() {
            fixture.givenCurrentTime(FixedClock.NOW)
                    .when(refer())
                    .expectEvents(referred())
                    .expectScheduledDeadlineWithName(LIMIT, ACCEPTANCE_DEADLINE);
        }

        @Test
        void takesTheAcceptanceLimitFromConfiguration() {
            properties.setAcceptanceLimit(Duration.ofHours(36));
            Instant due = FixedClock.NOW.plus(Duration.ofHours(36));
            fixture.givenCurrentTime(FixedClock.NOW)
                    .when(refer())
                    .expectEvents(new CaseReferred(REFERRAL, STATION, "梅园新村家庭驿站", "玄武区", RIGHTS_SERVICE_CENTRE,
                            "LEGAL_AID", "法律援助", SUMMARY, ConsentMethod.WRITTEN, FixedClock.NOW, due))
                    .expectScheduledDeadlineWithName(due, ACCEPTANCE_DEADLINE);
        }

        @Test
        void takesACategoryAddedByConfiguration() {
            fixture.givenNoPriorActivity()
                    .when(refer("FAMILY_MEDIATION", SUMMARY, true, "VERBAL"))
                    .expectEvents(new CaseReferred(REFERRAL, STATION, "梅园新村家庭驿站", "玄武区", RIGHTS_SERVICE_CENTRE,
                            "FAMILY_MEDIATION", "婚姻家庭调解", SUMMARY, ConsentMethod.VERBAL, FixedClock.NOW, DUE));
        }

        @Test
        void refusesAnUnknownStation() {
            fixture.givenNoPriorActivity()
                    .when(ReferCase.read(REFERRAL, "no-such-station", "RIGHTS_SERVICE_CENTRE", "LEGAL_AID", SUMMARY,
                            true, "WRITTEN"))
                    .expectException(Refused.with(STATION_UNKNOWN))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void refusesAStationThatIsNotOpen() {
            fixture.givenNoPriorActivity()
                    .when(ReferCase.read(REFERRAL, CLOSED_STATION, "RIGHTS_SERVICE_CENTRE", "LEGAL_AID", SUMMARY,
                            true, "WRITTEN"))
                    .expectException(Refused.with(STATION_NOT_OPEN))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  ", "KARAOKE"})
        void refusesABlankOrUnknownCategory(String category) {
            fixture.givenNoPriorActivity()
                    .when(refer(category, SUMMARY, true, "WRITTEN"))
                    .expectException(Refused.with(CATEGORY_UNKNOWN, "category"))
                    .expectNoEvents();
        }

        @Test
        void refusesACategoryAnotherCentreTakes() {
            fixture.givenNoPriorActivity()
                    .when(refer("HOUSEKEEPING_PLACEMENT", SUMMARY, true, "WRITTEN"))
                    .expectException(Refused.with(CATEGORY_NOT_OFFERED_BY_CENTRE, "category"))
                    .expectNoEvents();
        }

        @Test
        void takesASummaryOfExactlyTwoThousandCharacters() {
            fixture.givenNoPriorActivity()
                    .when(refer("LEGAL_AID", "字".repeat(2_000), true, "WRITTEN"))
                    .expectSuccessfulHandlerExecution();
        }

    }

    @Nested
    class Answering {

        @Test
        void theCentreAcceptsAReferralMadeToIt() {
            fixture.given(referred())
                    .when(new AcceptReferral(REFERRAL))
                    .expectEvents(accepted());
        }

        @Test
        void anOverdueReferralCanStillBeAccepted() {
            fixture.given(referred(), overdue())
                    .when(new AcceptReferral(REFERRAL))
                    .expectEvents(accepted());
        }

        @Test
        void theCentreDeclinesWithAReason() {
            fixture.given(referred())
                    .when(DeclineReferral.read(REFERRAL, " 不属于本中心受理范围 "))
                    .expectEvents(declined());
        }

        @ParameterizedTest
        @MethodSource("org.familystation.command.referral.ReferralTest#answeredStates")
        void refusesToAcceptAReferralNoLongerAwaitingAnAnswer(List<Object> history) {
            fixture.given(history)
                    .when(new AcceptReferral(REFERRAL))
                    .expectException(Refused.with(REFERRAL_NOT_AWAITING_ACCEPTANCE))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @MethodSource("org.familystation.command.referral.ReferralTest#answeredStates")
        void refusesToDeclineAReferralNoLongerAwaitingAnAnswer(List<Object> history) {
            fixture.given(history)
                    .when(DeclineReferral.read(REFERRAL, "不属于本中心受理范围"))
                    .expectException(Refused.with(REFERRAL_NOT_AWAITING_ACCEPTANCE))
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownReferral() {
            fixture.givenNoPriorActivity()
                    .when(new AcceptReferral(REFERRAL))
                    .expectException(AggregateNotFoundException.class);
        }
    }

    /** Histories after which a referral is no longer waiting for the centre's answer. */
    static Stream<List<Object>> answeredStates() {
        return Stream.of(
                List.of(referred(), accepted()),
                List.of(referred(), declined()),
                List.of(referred(), withdrawn()),
                List.of(referred(), accepted(), started()));
    }

    @Nested
    class Working {

        @Test
        void theCentreStartsWorkOnAnAcceptedReferral() {
            fixture.given(referred(), accepted())
                    .when(new StartReferralWork(REFERRAL))
                    .expectEvents(started());
        }

        @Test
        void theCentreResolvesWithAnOutcome() {
            fixture.given(referred(), accepted(), started())
                    .when(new ResolveReferral(REFERRAL, "已协助申请人身安全保护令并获法院签发"))
                    .expectEvents(resolved());
        }

        @Test
        void theCentreClosesAResolvedReferral() {
            fixture.given(referred(), accepted(), started(), resolved())
                    .when(new CloseReferral(REFERRAL))
                    .expectEvents(closed());
        }

        @ParameterizedTest
        @MethodSource("org.familystation.command.referral.ReferralTest#notAccepted")
        void refusesToStartWorkOnAReferralThatIsNotAccepted(List<Object> history) {
            fixture.given(history)
                    .when(new StartReferralWork(REFERRAL))
                    .expectException(Refused.with(REFERRAL_NOT_ACCEPTED))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @MethodSource("org.familystation.command.referral.ReferralTest#notInProgress")
        void refusesToResolveAReferralThatIsNotInProgress(List<Object> history) {
            fixture.given(history)
                    .when(new ResolveReferral(REFERRAL, "已办结"))
                    .expectException(Refused.with(REFERRAL_NOT_IN_PROGRESS))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @MethodSource("org.familystation.command.referral.ReferralTest#notResolved")
        void refusesToCloseAReferralThatIsNotResolved(List<Object> history) {
            fixture.given(history)
                    .when(new CloseReferral(REFERRAL))
                    .expectException(Refused.with(REFERRAL_NOT_RESOLVED))
                    .expectNoEvents();
        }
    }

    static Stream<List<Object>> notAccepted() {
        return Stream.of(
                List.of(referred()),
                List.of(referred(), declined()),
                List.of(referred(), accepted(), started()),
                List.of(referred(), accepted(), withdrawn()));
    }

    static Stream<List<Object>> notInProgress() {
        return Stream.of(
                List.of(referred()),
                List.of(referred(), accepted()),
                List.of(referred(), accepted(), started(), resolved()),
                List.of(referred(), accepted(), started(), withdrawn()));
    }

    static Stream<List<Object>> notResolved() {
        return Stream.of(
                List.of(referred(), accepted(), started()),
                List.of(referred(), declined()),
                List.of(referred(), accepted(), started(), resolved(), closed()));
    }

    @Nested
    class Withdrawing {

        @ParameterizedTest
        @MethodSource("org.familystation.command.referral.ReferralTest#beforeResolution")
        void theStationWithdrawsBeforeResolution(List<Object> history) {
            fixture.given(history)
                    .when(WithdrawReferral.read(REFERRAL, "当事人已自行解决"))
                    .expectEvents(withdrawn());
        }

        @ParameterizedTest
        @MethodSource("org.familystation.command.referral.ReferralTest#finished")
        void refusesToWithdrawOnceResolvedOrEnded(List<Object> history) {
            fixture.given(history)
                    .when(WithdrawReferral.read(REFERRAL, "当事人已自行解决"))
                    .expectException(Refused.with(REFERRAL_NOT_WITHDRAWABLE))
                    .expectNoEvents();
        }
    }

    static Stream<List<Object>> beforeResolution() {
        return Stream.of(
                List.of(referred()),
                List.of(referred(), overdue()),
                List.of(referred(), accepted()),
                List.of(referred(), accepted(), started()));
    }

    static Stream<List<Object>> finished() {
        return Stream.of(
                List.of(referred(), accepted(), started(), resolved()),
                List.of(referred(), accepted(), started(), resolved(), closed()),
                List.of(referred(), declined()),
                List.of(referred(), withdrawn()));
    }

    @Nested
    class AcceptanceDeadline {

        @Test
        void flagsAReferralNotAcceptedWithinTheLimit() {
            fixture.givenCurrentTime(FixedClock.NOW)
                    .andGivenCommands(refer())
                    .whenThenTimeElapses(LIMIT)
                    .expectTriggeredDeadlinesWithName(ACCEPTANCE_DEADLINE)
                    .expectEvents(overdue());
        }

        @Test
        void doesNotFlagItBeforeTheLimit() {
            fixture.givenCurrentTime(FixedClock.NOW)
                    .andGivenCommands(refer())
                    .whenThenTimeElapses(LIMIT.minusMinutes(1))
                    .expectNoEvents()
                    .expectScheduledDeadlineWithName(DUE, ACCEPTANCE_DEADLINE);
        }

        @ParameterizedTest
        @MethodSource("answers")
        void doesNotFlagAReferralAnsweredInTime(Object answer) {
            fixture.givenCurrentTime(FixedClock.NOW)
                    .andGivenCommands(refer(), answer)
                    .whenThenTimeAdvancesTo(DUE.plusSeconds(1))
                    .expectTriggeredDeadlinesWithName(ACCEPTANCE_DEADLINE)
                    .expectNoEvents();
        }

        static Stream<Object> answers() {
            return Stream.of(new AcceptReferral(REFERRAL), DeclineReferral.read(REFERRAL, "不受理"),
                    WithdrawReferral.read(REFERRAL, "当事人已自行解决"));
        }

        @Test
        void flagsItOnceWhenTheDeadlineRunsAgain() {
            fixture.given(referred(), overdue())
                    .whenInvoking(REFERRAL, Referral::acceptanceDeadlinePassed)
                    .expectNoEvents();
        }
    }
}
