package org.familystation.command.needs;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.familystation.command.catalogue.InMemoryCatalogueRegistry;
import org.familystation.command.common.FixedClock;
import org.familystation.command.common.Reason;
import org.familystation.command.common.Refused;
import org.familystation.command.needs.SurveyInput.NeedInput;
import org.familystation.command.network.InMemoryUnitRegistry;
import org.familystation.events.common.CatalogueKind;
import org.familystation.events.common.HomeTier;
import org.familystation.events.common.NeedCount;
import org.familystation.events.common.SurveyChannel;
import org.familystation.events.common.SurveyDetails;
import org.familystation.events.common.UnitLevel;
import org.familystation.events.needs.NeedsSurveyCorrected;
import org.familystation.events.needs.NeedsSurveyRecorded;
import org.familystation.events.needs.NeedsSurveyVoided;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static org.familystation.command.needs.NeedsRefusals.*;

class NeedsSurveyTest {

    private static final String SURVEY = "6c7d8e9f-0a1b-4c2d-8e3f-4a5b6c7d8e9f";
    private static final String HOME = "1c9d7e0a-5b4f-4e2a-8d3c-6f7a8b9c0d1e";
    private static final String BRANCH = "2d0e8f1b-6c5a-4f3b-9e4d-7a8b9c0d1e2f";
    private static final ZoneId NANJING = ZoneId.of("Asia/Shanghai");
    private static final LocalDate SURVEYED = LocalDate.of(2026, 11, 18);
    private static final String FREE_TEXT = "居民反映双职工家庭放学后无人照看孩子，希望开设四点半课堂";

    private AggregateTestFixture<NeedsSurvey> fixture;
    private InMemoryUnitRegistry units;
    private InMemoryCatalogueRegistry catalogue;

    @BeforeEach
    void setUp() {
        units = new InMemoryUnitRegistry()
                .with(HOME, UnitLevel.COMMUNITY_HOME, "梅园新村妇女儿童之家", "玄武区", HomeTier.STANDARD)
                .with(BRANCH, UnitLevel.BRANCH_CENTRE, "玄武区妇儿活动中心", "玄武区", null);
        catalogue = new InMemoryCatalogueRegistry()
                .with(CatalogueKind.NEED_CATEGORY, "FAMILY_EDUCATION", "家庭教育知识", null, false)
                .with(CatalogueKind.NEED_CATEGORY, "HOUSEKEEPING", "家政服务", null, false)
                .with(CatalogueKind.NEED_CATEGORY, "OLD_NEED", "旧需求", null, true)
                .with(CatalogueKind.SERVICE_PROJECT, "LEGAL_AID", "法律援助", null, false);
        fixture = fixtureAt(FixedClock.CLOCK);
    }

    private AggregateTestFixture<NeedsSurvey> fixtureAt(Clock clock) {
        AggregateTestFixture<NeedsSurvey> at = new AggregateTestFixture<>(NeedsSurvey.class);
        at.registerInjectableResource(new NeedsSurveyPolicy(units, catalogue));
        at.registerInjectableResource(clock);
        return at;
    }

    private static NeedInput need(String category, Integer count) {
        return new NeedInput(category, count);
    }

    private static SurveyInput survey(LocalDate on, Integer respondents, String freeText, NeedInput... needs) {
        return new SurveyInput(on, "COMMUNITY_VISIT", respondents, needs == null ? null : Arrays.asList(needs),
                freeText);
    }

    private static SurveyInput survey(NeedInput... needs) {
        return survey(SURVEYED, 30, FREE_TEXT, needs);
    }

    private static SurveyDetails details() {
        return new SurveyDetails(SURVEYED, SurveyChannel.COMMUNITY_VISIT, 30, List.of(
                new NeedCount("FAMILY_EDUCATION", "家庭教育知识", 12), new NeedCount("HOUSEKEEPING", "家政服务", 8)),
                FREE_TEXT);
    }

    private static NeedsSurveyRecorded recorded() {
        return new NeedsSurveyRecorded(SURVEY, HOME, "梅园新村妇女儿童之家", "玄武区", details(), FixedClock.NOW);
    }

    /** Commands as the edge builds them: the input read against the fixture's clock. */
    private static RecordNeedsSurvey record(SurveyInput input) {
        return new RecordNeedsSurvey(SURVEY, HOME, input.record(FixedClock.CLOCK, NANJING));
    }

    private static CorrectNeedsSurvey correction(SurveyInput changes, String reason) {
        return new CorrectNeedsSurvey(SURVEY, changes.changes(FixedClock.CLOCK, NANJING), new Reason(reason));
    }

    private static VoidNeedsSurvey voiding(String reason) {
        return new VoidNeedsSurvey(SURVEY, new Reason(reason));
    }

    @Nested
    class Recording {

        @Test
        void recordsTheSurveyWithTheHomeAndCategoryNamesOfTheTimeAndTheNeedsInCategoryOrder() {
            fixture.givenNoPriorActivity()
                    .when(record(survey(need("HOUSEKEEPING", 8), need(" FAMILY_EDUCATION ", 12))))
                    .expectEvents(recorded());
        }

        @Test
        void freeTextIsOptional() {
            fixture.givenNoPriorActivity()
                    .when(record(survey(SURVEYED, 5, "  ", need("HOUSEKEEPING", 5))))
                    .expectEvents(new NeedsSurveyRecorded(SURVEY, HOME, "梅园新村妇女儿童之家", "玄武区",
                            new SurveyDetails(SURVEYED, SurveyChannel.COMMUNITY_VISIT, 5,
                                    List.of(new NeedCount("HOUSEKEEPING", "家政服务", 5)), null), FixedClock.NOW));
        }

        @Test
        void acceptsFreeTextOfExactlyFourThousandCharacters() {
            fixture.givenNoPriorActivity()
                    .when(record(survey(SURVEYED, 5, "字".repeat(4_000), need("HOUSEKEEPING", 5))))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesAnUnknownHome() {
            fixture.givenNoPriorActivity()
                    .when(new RecordNeedsSurvey(SURVEY, "no-such-home", survey(need("HOUSEKEEPING", 8))
                            .record(FixedClock.CLOCK, NANJING)))
                    .expectException(Refused.with(HOME_UNKNOWN))
                    .expectNoEvents();
        }

        @Test
        void refusesAUnitThatIsNotACommunityHome() {
            fixture.givenNoPriorActivity()
                    .when(new RecordNeedsSurvey(SURVEY, BRANCH, survey(need("HOUSEKEEPING", 8))
                            .record(FixedClock.CLOCK, NANJING)))
                    .expectException(Refused.with(UNIT_NOT_A_COMMUNITY_HOME))
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownCategory() {
            fixture.givenNoPriorActivity()
                    .when(record(survey(need("HOUSEKEEPING", 8), need("KARAOKE", 3))))
                    .expectException(Refused.with(NEED_CATEGORY_UNKNOWN, "needs[1].categoryCode"))
                    .expectNoEvents();
        }

        @Test
        void refusesACodeOfAnotherCatalogue() {
            fixture.givenNoPriorActivity()
                    .when(record(survey(need("LEGAL_AID", 3))))
                    .expectException(Refused.with(NEED_CATEGORY_UNKNOWN, "needs[0].categoryCode"))
                    .expectNoEvents();
        }

        @Test
        void refusesARetiredCategory() {
            fixture.givenNoPriorActivity()
                    .when(record(survey(need("OLD_NEED", 3))))
                    .expectException(Refused.with(NEED_CATEGORY_RETIRED, "needs[0].categoryCode"))
                    .expectNoEvents();
        }

        @Test
        void refusesMoreRespondentsNamingANeedThanWereAsked() {
            fixture.givenNoPriorActivity()
                    .when(record(survey(SURVEYED, 10, null, need("HOUSEKEEPING", 11))))
                    .expectException(Refused.with(NEED_COUNT_ABOVE_RESPONDENTS, "needs[0].count"))
                    .expectNoEvents();
        }

    }

    @Nested
    class Correcting {

        private static final SurveyInput NOTHING = new SurveyInput(null, null, null, null, null);

        @Test
        void recordsWhatChangedAndWhy() {
            SurveyDetails after = new SurveyDetails(SURVEYED, SurveyChannel.FIELD_RESEARCH, 32, List.of(
                    new NeedCount("FAMILY_EDUCATION", "家庭教育知识", 12), new NeedCount("HOUSEKEEPING", "家政服务", 8)),
                    FREE_TEXT);
            fixture.given(recorded())
                    .when(correction(new SurveyInput(null, "FIELD_RESEARCH", 32, null, null),
                            "复核签到表"))
                    .expectEvents(new NeedsSurveyCorrected(SURVEY, HOME, after, List.of("channel", "respondentCount"),
                            "复核签到表", FixedClock.NOW));
        }

        @Test
        void aListOfNeedsReplacesTheRecordedOne() {
            SurveyDetails after = new SurveyDetails(SURVEYED, SurveyChannel.COMMUNITY_VISIT, 30,
                    List.of(new NeedCount("HOUSEKEEPING", "家政服务", 9)), FREE_TEXT);
            fixture.given(recorded())
                    .when(correction(new SurveyInput(null, null, null,
                            List.of(need("HOUSEKEEPING", 9)), null), "家庭教育需求录错"))
                    .expectEvents(new NeedsSurveyCorrected(SURVEY, HOME, after, List.of("needs"), "家庭教育需求录错",
                            FixedClock.NOW));
        }

        @Test
        void keepsACategoryRetiredSinceTheSurvey() {
            NeedsSurveyRecorded withOldNeed = new NeedsSurveyRecorded(SURVEY, HOME, "梅园新村妇女儿童之家", "玄武区",
                    new SurveyDetails(SURVEYED, SurveyChannel.COMMUNITY_VISIT, 30,
                            List.of(new NeedCount("OLD_NEED", "旧需求", 4)), null), FixedClock.NOW);
            fixture.given(withOldNeed)
                    .when(correction(new SurveyInput(null, null, 25, null, null), "人数录错"))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void cannotAddARetiredCategory() {
            fixture.given(recorded())
                    .when(correction(new SurveyInput(null, null, null,
                            List.of(need("OLD_NEED", 4)), null), "补录"))
                    .expectException(Refused.with(NEED_CATEGORY_RETIRED, "needs[0].categoryCode"))
                    .expectNoEvents();
        }

        @Test
        void appliesTheSameRulesAsRecording() {
            fixture.given(recorded())
                    .when(correction(new SurveyInput(null, null, 10, null, null), "人数录错"))
                    .expectException(Refused.with(NEED_COUNT_ABOVE_RESPONDENTS, "needs[0].count"))
                    .expectNoEvents();
        }

        @Test
        void refusesACorrectionThatChangesNothing() {
            fixture.given(recorded())
                    .when(correction(new SurveyInput(SURVEYED, "COMMUNITY_VISIT", 30, null, null),
                            "核对"))
                    .expectException(Refused.with(CORRECTION_CHANGES_NOTHING))
                    .expectNoEvents();
        }

        @Test
        void refusesAVoidedSurvey() {
            fixture.given(recorded(), new NeedsSurveyVoided(SURVEY, HOME, "重复录入", FixedClock.NOW))
                    .when(correction(new SurveyInput(null, null, 31, null, null), "人数"))
                    .expectException(Refused.with(SURVEY_VOIDED))
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownSurvey() {
            fixture.givenNoPriorActivity()
                    .when(correction(NOTHING, "更正"))
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class Voiding {

        @Test
        void recordsWhy() {
            fixture.given(recorded())
                    .when(voiding("重复录入"))
                    .expectEvents(new NeedsSurveyVoided(SURVEY, HOME, "重复录入", FixedClock.NOW));
        }

        @Test
        void refusesASurveyAlreadyVoided() {
            fixture.given(recorded(), new NeedsSurveyVoided(SURVEY, HOME, "重复录入", FixedClock.NOW))
                    .when(voiding("再次作废"))
                    .expectException(Refused.with(SURVEY_VOIDED))
                    .expectNoEvents();
        }

    }
}
