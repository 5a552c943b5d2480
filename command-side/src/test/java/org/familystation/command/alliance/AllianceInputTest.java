package org.familystation.command.alliance;

import org.familystation.command.common.CommonRefusals;
import org.familystation.command.common.FixedClock;
import org.familystation.events.common.Alliance;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familystation.command.alliance.AllianceRefusals.*;
import static org.familystation.command.common.Refused.assertRefused;

/** What alliance commands refuse without looking at any membership or convention: read at the edge. */
class AllianceInputTest {

    private static final String MEMBER = "3f1d2c9a-8b7e-4c6d-9e0f-1a2b3c4d5e6f";
    private static final String CODE = "91350100M000100Y43";

    private static ApplyForAllianceMembership application(String alliance, String name, String type, String code) {
        return ApplyForAllianceMembership.read(MEMBER, alliance, name, type, code, "李晓霞", "025-83300000", null,
                FixedClock.CLOCK);
    }

    @Nested
    class Applying {

        @Test
        void readsTheApplicationTrimmedAndDatedNowWhenNoDateIsGiven() {
            ApplyForAllianceMembership read = ApplyForAllianceMembership.read(MEMBER, "PUBLIC_WELFARE", " 李晓霞工作室 ",
                    "SOCIAL_ORGANISATION", " " + CODE + " ", " ", null, null, FixedClock.CLOCK);
            assertThat(read.alliance()).isEqualTo(Alliance.PUBLIC_WELFARE);
            assertThat(read.organisationName()).isEqualTo("李晓霞工作室");
            assertThat(read.creditCode().value()).isEqualTo(CODE);
            assertThat(read.contactPerson()).isNull();
            assertThat(read.appliedAt()).isEqualTo(FixedClock.NOW);
        }

        @Test
        void refusesAnUnknownAlliance() {
            assertRefused(ALLIANCE_UNKNOWN, "alliance",
                    () -> application("SPORTS", "李晓霞工作室", "SOCIAL_ORGANISATION", CODE));
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"12345", "91350100M000100Y44"})
        void refusesACreditCodeThatIsMalformedOrHasAWrongCheckCharacter(String code) {
            assertRefused(CREDIT_CODE_INVALID, "creditCode",
                    () -> application("PUBLIC_WELFARE", "李晓霞工作室", "SOCIAL_ORGANISATION", code));
        }

        @Test
        void refusesABlankOrganisationName() {
            assertRefused(ORGANISATION_NAME_INVALID, "organisationName",
                    () -> application("PUBLIC_WELFARE", " ", "SOCIAL_ORGANISATION", CODE));
        }

        @Test
        void refusesAnUnknownOrganisationType() {
            assertRefused(ORGANISATION_TYPE_UNKNOWN, "organisationType",
                    () -> application("PUBLIC_WELFARE", "李晓霞工作室", "CLUB", CODE));
        }

        @Test
        void refusesAnOverLongContact() {
            assertRefused(CONTACT_INVALID, "contactPerson", () -> ApplyForAllianceMembership.read(MEMBER,
                    "PUBLIC_WELFARE", "李晓霞工作室", "SOCIAL_ORGANISATION", CODE,
                    "李".repeat(ApplyForAllianceMembership.MAX_CONTACT + 1), null, null, FixedClock.CLOCK));
            assertRefused(CONTACT_INVALID, "contactPhone", () -> ApplyForAllianceMembership.read(MEMBER,
                    "PUBLIC_WELFARE", "李晓霞工作室", "SOCIAL_ORGANISATION", CODE, null,
                    "1".repeat(ApplyForAllianceMembership.MAX_CONTACT + 1), null, FixedClock.CLOCK));
        }

        @Test
        void refusesAnIdThatIsNotAUuid() {
            assertRefused(CommonRefusals.ID_INVALID, "memberId", () -> ApplyForAllianceMembership.read("M-1",
                    "PUBLIC_WELFARE", "李晓霞工作室", "SOCIAL_ORGANISATION", CODE, null, null, null, FixedClock.CLOCK));
        }

        @Test
        void refusesAnApplicationDatedInTheFuture() {
            assertRefused(CommonRefusals.HAPPENED_IN_FUTURE, "appliedAt", () -> ApplyForAllianceMembership.read(
                    MEMBER, "PUBLIC_WELFARE", "李晓霞工作室", "SOCIAL_ORGANISATION", CODE, null, null,
                    FixedClock.NOW.plus(Duration.ofDays(1)), FixedClock.CLOCK));
        }
    }

    @Nested
    class Reviewing {

        @Test
        void refusesARejectionWithoutAReason() {
            assertRefused(REJECTION_REASON_REQUIRED, "notes",
                    () -> ReviewAllianceApplication.read(MEMBER, "REJECT", "", null, FixedClock.CLOCK));
        }

        @Test
        void acceptsAnApprovalWithoutNotesButNotWithOverLongOnes() {
            assertThat(ReviewAllianceApplication.read(MEMBER, "APPROVE", " ", null, FixedClock.CLOCK).notes())
                    .isNull();
            assertRefused(REVIEW_NOTES_INVALID, "notes", () -> ReviewAllianceApplication.read(MEMBER, "APPROVE",
                    "好".repeat(ReviewAllianceApplication.MAX_NOTES + 1), null, FixedClock.CLOCK));
        }

        @Test
        void refusesAnUnknownDecision() {
            assertRefused(REVIEW_DECISION_UNKNOWN, "decision",
                    () -> ReviewAllianceApplication.read(MEMBER, "MAYBE", null, null, FixedClock.CLOCK));
        }
    }

    @Nested
    class SigningTheConvention {

        @Test
        void refusesABlankSignatory() {
            assertRefused(SIGNATORY_INVALID, "signatory",
                    () -> SignAllianceConvention.read(MEMBER, "2014-1", null, null, FixedClock.CLOCK));
        }

        @Test
        void refusesAMissingVersion() {
            assertRefused(CONVENTION_VERSION_UNKNOWN, "conventionVersion",
                    () -> SignAllianceConvention.read(MEMBER, null, "李晓霞", null, FixedClock.CLOCK));
        }
    }

    @Test
    void refusesAnAdmissionInTheFuture() {
        assertRefused(CommonRefusals.HAPPENED_IN_FUTURE, "admittedAt",
                () -> AdmitAllianceMember.read(MEMBER, FixedClock.NOW.plusSeconds(86_400), FixedClock.CLOCK));
    }

    /** Suspension, reinstatement, expulsion and withdrawal read their reason the same way. */
    @Nested
    class MembershipChanges {

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", " "})
        void refuseAChangeWithoutAReason(String reason) {
            assertRefused(MEMBERSHIP_CHANGE_REASON_REQUIRED, "reason",
                    () -> SuspendAllianceMember.read(MEMBER, reason, null, FixedClock.CLOCK));
            assertRefused(MEMBERSHIP_CHANGE_REASON_REQUIRED, "reason",
                    () -> ReinstateAllianceMember.read(MEMBER, reason, null, FixedClock.CLOCK));
            assertRefused(MEMBERSHIP_CHANGE_REASON_REQUIRED, "reason",
                    () -> ExpelAllianceMember.read(MEMBER, reason, null, FixedClock.CLOCK));
            assertRefused(MEMBERSHIP_CHANGE_REASON_REQUIRED, "reason",
                    () -> WithdrawFromAlliance.read(MEMBER, reason, null, FixedClock.CLOCK));
        }

        @Test
        void refuseAnOverLongReason() {
            assertRefused(MEMBERSHIP_CHANGE_REASON_REQUIRED, "reason", () -> SuspendAllianceMember.read(MEMBER,
                    "因".repeat(MembershipChangeReason.MAX + 1), null, FixedClock.CLOCK));
        }

        @Test
        void refuseAChangeDatedInTheFuture() {
            assertRefused(CommonRefusals.HAPPENED_IN_FUTURE, "effectiveAt", () -> ExpelAllianceMember.read(MEMBER,
                    "虚假宣传", FixedClock.NOW.plus(Duration.ofDays(2)), FixedClock.CLOCK));
        }
    }

    @Nested
    class PublishingAConventionVersion {

        @ParameterizedTest
        @ValueSource(strings = {"SPORTS", "public_welfare", " PUBLIC_WELFARE"})
        void refusesAnUnknownAlliance(String alliance) {
            assertRefused(ALLIANCE_UNKNOWN, "alliance",
                    () -> PublishConventionVersion.read(alliance, "2026-1", "P30D", "新版"));
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {" ", "x123456789x123456789x123456789x123456789x123456789x"})
        void refusesABlankOrOverLongVersion(String version) {
            assertRefused(CONVENTION_VERSION_INVALID, "conventionVersion",
                    () -> PublishConventionVersion.read("PUBLIC_WELFARE", version, "P30D", "新版"));
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"30", "thirty days", "PT0S", "-P1D", "P367D"})
        void refusesAGracePeriodThatIsNotAPositiveDurationOfAtMostAYear(String gracePeriod) {
            assertRefused(GRACE_PERIOD_INVALID, "gracePeriod",
                    () -> PublishConventionVersion.read("PUBLIC_WELFARE", "2026-1", gracePeriod, "新版"));
        }

        @Test
        void refusesAConfiguredGracePeriodOverAYearToo() {
            assertRefused(GRACE_PERIOD_INVALID, "gracePeriod", () -> new PublishConventionVersion(
                    Alliance.PUBLIC_WELFARE, "2026-1", Duration.ofDays(367), "新版"));
        }

        @Test
        void refusesAPublicationWithoutASummaryOfTheChanges() {
            assertRefused(CONVENTION_SUMMARY_INVALID, "summary",
                    () -> PublishConventionVersion.read("PUBLIC_WELFARE", "2026-1", "P30D", ""));
        }
    }
}
