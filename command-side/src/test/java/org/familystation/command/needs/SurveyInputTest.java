package org.familystation.command.needs;

import org.familystation.command.common.CommonRefusals;
import org.familystation.command.common.FixedClock;
import org.familystation.command.common.Reason;
import org.familystation.command.needs.SurveyEntry.Need;
import org.familystation.command.needs.SurveyInput.NeedInput;
import org.familystation.events.common.SurveyChannel;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.error.Refusal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familystation.command.needs.NeedsRefusals.*;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a needs survey refuses without looking at any state: read at the edge, before a command is sent. */
class SurveyInputTest {

    private static final ZoneId NANJING = ZoneId.of("Asia/Shanghai");
    /** FixedClock.NOW is 2026-11-20 10:00 in Nanjing. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final LocalDate SURVEYED = LocalDate.of(2026, 11, 18);

    private static SurveyInput survey(LocalDate on, Integer respondents, String freeText, NeedInput... needs) {
        return new SurveyInput(on, "COMMUNITY_VISIT", respondents, needs == null ? null : Arrays.asList(needs),
                freeText);
    }

    private static SurveyEntry record(SurveyInput sent) {
        return sent.record(FixedClock.CLOCK, NANJING);
    }

    private static void assertRefused(Refusal refusal, String field, Executable reading) {
        DomainException refused = assertThrows(DomainException.class, reading);
        assertThat(refused.refusal()).isEqualTo(refusal);
        assertThat(refused.field()).contains(field);
    }

    @Nested
    class NewSurvey {

        @Test
        void readsTheChannelCountsAndTrimmedCodes() {
            SurveyEntry input = record(survey(SURVEYED, 30, " ", new NeedInput(" HOUSEKEEPING ", 5)));
            assertThat(input.channel()).isEqualTo(SurveyChannel.COMMUNITY_VISIT);
            assertThat(input.respondentCount()).isEqualTo(new RespondentCount(30));
            assertThat(input.needs()).containsExactly(new Need("HOUSEKEEPING", 5));
            assertThat(input.freeText()).isNull();
        }

        @Test
        void refusesFreeTextOverFourThousandCharacters() {
            assertRefused(FREE_TEXT_TOO_LONG, "freeText",
                    () -> record(survey(SURVEYED, 30, "字".repeat(4_001), new NeedInput("HOUSEKEEPING", 5))));
        }

        @Test
        void refusesACategoryListedTwice() {
            assertRefused(NEED_CATEGORY_REPEATED, "needs[1].categoryCode", () -> record(survey(SURVEYED, 30, null,
                    new NeedInput("HOUSEKEEPING", 5), new NeedInput(" HOUSEKEEPING", 3))));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -2})
        void refusesANeedCountBelowOne(int count) {
            assertRefused(NEED_COUNT_INVALID, "needs[0].count",
                    () -> record(survey(SURVEYED, 30, null, new NeedInput("HOUSEKEEPING", count))));
        }

        @Test
        void refusesAMissingNeedCount() {
            assertRefused(NEED_COUNT_INVALID, "needs[0].count",
                    () -> record(survey(SURVEYED, 30, null, new NeedInput("HOUSEKEEPING", null))));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, 100_001})
        void refusesFewerThanOneRespondentOrImplausiblyMany(int respondents) {
            assertRefused(RESPONDENTS_INVALID, "respondentCount",
                    () -> record(survey(SURVEYED, respondents, null, new NeedInput("HOUSEKEEPING", 1))));
        }

        @Test
        void refusesAMissingRespondentCount() {
            assertRefused(RESPONDENTS_INVALID, "respondentCount",
                    () -> record(survey(SURVEYED, null, null, new NeedInput("HOUSEKEEPING", 1))));
        }

        @Test
        void refusesASurveyWithAnEmptyListOfNeeds() {
            assertRefused(NEEDS_REQUIRED, "needs", () -> record(survey(SURVEYED, 30, null)));
        }

        @Test
        void refusesASurveyWithoutNeeds() {
            assertRefused(NEEDS_REQUIRED, "needs", () -> record(survey(SURVEYED, 30, null, (NeedInput[]) null)));
        }

        @Test
        void refusesASurveyDateInTheFuture() {
            assertRefused(SURVEY_DATE_IN_FUTURE, "surveyedOn",
                    () -> record(survey(TODAY.plusDays(1), 5, null, new NeedInput("HOUSEKEEPING", 1))));
        }

        @Test
        void todayIsTodayInTheUsersCalendar() {
            // 01:00 on 20 November in Nanjing is still 19 November in UTC.
            Clock earlyMorning = Clock.fixed(Instant.parse("2026-11-19T17:00:00Z"), ZoneOffset.UTC);
            assertThat(survey(TODAY, 5, null, new NeedInput("HOUSEKEEPING", 1)).record(earlyMorning, NANJING)
                    .surveyedOn()).isEqualTo(TODAY);
        }

        @Test
        void refusesAMissingSurveyDate() {
            assertRefused(SURVEY_DATE_REQUIRED, "surveyedOn",
                    () -> record(survey(null, 5, null, new NeedInput("HOUSEKEEPING", 1))));
        }

        @Test
        void refusesAnUnknownChannel() {
            assertRefused(CHANNEL_UNKNOWN, "channel", () -> record(new SurveyInput(SURVEYED, "TELEPATHY", 5,
                    List.of(new NeedInput("HOUSEKEEPING", 1)), null)));
        }

        @Test
        void refusesAnIdThatIsNotALowerCaseUuid() {
            SurveyEntry input = record(survey(SURVEYED, 5, null, new NeedInput("HOUSEKEEPING", 1)));
            assertRefused(CommonRefusals.ID_INVALID, "surveyId",
                    () -> new RecordNeedsSurvey("survey-1", "home", input));
        }
    }

    @Nested
    class Changes {

        @Test
        void leavesWhatIsNotGivenUnchangedAndKeepsAnEmptyFreeTextAsRemoval() {
            SurveyEntry changes = new SurveyInput(null, null, 32, null, "").changes(FixedClock.CLOCK, NANJING);
            assertThat(changes).isEqualTo(new SurveyEntry(null, null, new RespondentCount(32), null, ""));
        }

        @Test
        void appliesTheSameRulesAsRecording() {
            assertRefused(NEEDS_REQUIRED, "needs",
                    () -> new SurveyInput(null, null, null, List.of(), null).changes(FixedClock.CLOCK, NANJING));
            assertRefused(RESPONDENTS_INVALID, "respondentCount",
                    () -> new SurveyInput(null, null, 0, null, null).changes(FixedClock.CLOCK, NANJING));
        }

        @Test
        void refusesACorrectionWithoutAReason() {
            assertRefused(REASON_REQUIRED, "reason", () -> new Reason(" "));
        }
    }
}
