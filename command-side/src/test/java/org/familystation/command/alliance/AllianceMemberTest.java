package org.familystation.command.alliance;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.familystation.command.common.FixedClock;
import org.familystation.command.common.Refused;
import org.familystation.events.alliance.AllianceApplicationApproved;
import org.familystation.events.alliance.AllianceApplicationRejected;
import org.familystation.events.alliance.AllianceConventionSigned;
import org.familystation.events.alliance.AllianceMemberAdmitted;
import org.familystation.events.alliance.AllianceMemberExpelled;
import org.familystation.events.alliance.AllianceMemberReinstated;
import org.familystation.events.alliance.AllianceMemberSuspended;
import org.familystation.events.alliance.AllianceMemberWithdrew;
import org.familystation.events.alliance.AllianceMembershipApplied;
import org.familystation.events.common.Alliance;
import org.familystation.events.common.OrganisationType;
import org.familystation.events.common.UnifiedSocialCreditCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.familystation.command.alliance.AllianceRefusals.*;
import static org.hamcrest.Matchers.containsString;

class AllianceMemberTest {

    private static final String MEMBER = "3f1d2c9a-8b7e-4c6d-9e0f-1a2b3c4d5e6f";
    private static final String CODE = "91350100M000100Y43";
    private static final Alliance WELFARE = Alliance.PUBLIC_WELFARE;

    private static final String OWED = "未在宽限期内签署新版联盟公约";

    private AggregateTestFixture<AllianceMember> fixture;
    private InMemoryMemberRegistry registry;
    private InMemoryConventionRegistry conventions;
    private AllianceProperties properties;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AllianceMember.class);
        registry = new InMemoryMemberRegistry();
        conventions = new InMemoryConventionRegistry().published(WELFARE, "2014-1");
        properties = new AllianceProperties();
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(conventions);
        fixture.registerInjectableResource(properties);
        fixture.registerInjectableResource(FixedClock.CLOCK);
    }

    private static ApplyForAllianceMembership application(String alliance, String name, String type, String code) {
        return ApplyForAllianceMembership.read(MEMBER, alliance, name, type, code, "李晓霞", "025-83300000", null,
                FixedClock.CLOCK);
    }

    private static AllianceMembershipApplied applied() {
        return new AllianceMembershipApplied(MEMBER, WELFARE, "李晓霞工作室", OrganisationType.SOCIAL_ORGANISATION,
                UnifiedSocialCreditCode.of(CODE), "李晓霞", "025-83300000", FixedClock.NOW);
    }

    private static AllianceApplicationApproved approved() {
        return new AllianceApplicationApproved(MEMBER, WELFARE, "材料齐全", FixedClock.NOW);
    }

    private static AllianceConventionSigned signed(String version) {
        return new AllianceConventionSigned(MEMBER, WELFARE, version, "李晓霞", FixedClock.NOW);
    }

    private static AllianceMemberAdmitted admitted() {
        return new AllianceMemberAdmitted(MEMBER, WELFARE, "李晓霞工作室", UnifiedSocialCreditCode.of(CODE), "2014-1",
                FixedClock.NOW);
    }

    /** An admitted member's history. */
    private static Object[] member() {
        return new Object[]{applied(), approved(), signed("2014-1"), admitted()};
    }

    private static Object[] memberAnd(Object... later) {
        Object[] history = new Object[4 + later.length];
        System.arraycopy(member(), 0, history, 0, 4);
        System.arraycopy(later, 0, history, 4, later.length);
        return history;
    }

    private static AllianceMemberSuspended suspended(String reason) {
        return new AllianceMemberSuspended(MEMBER, WELFARE, "李晓霞工作室", reason, null, FixedClock.NOW);
    }

    private static AllianceMemberExpelled expelled() {
        return new AllianceMemberExpelled(MEMBER, WELFARE, "李晓霞工作室", UnifiedSocialCreditCode.of(CODE), "虚假宣传",
                FixedClock.NOW, FixedClock.NOW.plus(Duration.ofDays(365)));
    }

    private static AllianceMemberWithdrew withdrew() {
        return new AllianceMemberWithdrew(MEMBER, WELFARE, "李晓霞工作室", "业务调整", FixedClock.NOW);
    }

    /** A membership's history is entered with its dates, in the order it happened. */
    @Nested
    class BusinessDates {

        private final Instant appliedIn2014 = Instant.parse("2014-04-01T02:00:00Z");
        private final AllianceMembershipApplied appliedThen = new AllianceMembershipApplied(MEMBER, WELFARE,
                "李晓霞工作室", OrganisationType.SOCIAL_ORGANISATION, UnifiedSocialCreditCode.of(CODE), "李晓霞",
                "025-83300000", appliedIn2014);

        @Test
        void appliesOnTheDateGiven() {
            fixture.givenNoPriorActivity()
                    .when(ApplyForAllianceMembership.read(MEMBER, "PUBLIC_WELFARE", "李晓霞工作室", "SOCIAL_ORGANISATION",
                            CODE, "李晓霞", "025-83300000", appliedIn2014, FixedClock.CLOCK))
                    .expectEvents(appliedThen);
        }

        @Test
        void refusesAReviewBeforeTheApplication() {
            fixture.given(appliedThen)
                    .when(ReviewAllianceApplication.read(MEMBER, "APPROVE", "材料齐全", appliedIn2014.minusSeconds(3_600),
                            FixedClock.CLOCK))
                    .expectException(Refused.with(AllianceRefusals.MEMBERSHIP_CHANGE_OUT_OF_ORDER, "reviewedAt"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnAdmissionBeforeTheSignature() {
            Instant signedAt = Instant.parse("2014-05-01T02:00:00Z");
            fixture.given(appliedThen, new AllianceApplicationApproved(MEMBER, WELFARE, "材料齐全", appliedIn2014),
                            new AllianceConventionSigned(MEMBER, WELFARE, "2014-1", "李晓霞", signedAt))
                    .when(AdmitAllianceMember.read(MEMBER, signedAt.minusSeconds(60), FixedClock.CLOCK))
                    .expectException(Refused.with(AllianceRefusals.MEMBERSHIP_CHANGE_OUT_OF_ORDER, "admittedAt"))
                    .expectNoEvents();
        }

        @Test
        void expelsOnTheDateGivenAndBansReapplicationFromThen() {
            Instant expelledAt = Instant.parse("2020-01-01T02:00:00Z");
            fixture.given(appliedThen, new AllianceApplicationApproved(MEMBER, WELFARE, "材料齐全", appliedIn2014),
                            new AllianceConventionSigned(MEMBER, WELFARE, "2014-1", "李晓霞", appliedIn2014),
                            new AllianceMemberAdmitted(MEMBER, WELFARE, "李晓霞工作室", UnifiedSocialCreditCode.of(CODE),
                                    "2014-1", appliedIn2014))
                    .when(ExpelAllianceMember.read(MEMBER, "违反联盟公约", expelledAt, FixedClock.CLOCK))
                    .expectEvents(new AllianceMemberExpelled(MEMBER, WELFARE, "李晓霞工作室",
                            UnifiedSocialCreditCode.of(CODE), "违反联盟公约", expelledAt,
                            expelledAt.plus(properties.getExpulsionBan())));
        }
    }

    @Nested
    class Applying {

        @Test
        void recordsTheApplication() {
            fixture.givenNoPriorActivity()
                    .when(application("PUBLIC_WELFARE", "李晓霞工作室", "SOCIAL_ORGANISATION", CODE))
                    .expectEvents(applied());
        }

        @Test
        void refusesACreditCodeAlreadyAppliedOrAdmittedInTheAlliance() {
            registry.with("earlier", WELFARE, "李晓霞工作室", CODE, MembershipStatus.ADMITTED);
            fixture.givenNoPriorActivity()
                    .when(application("PUBLIC_WELFARE", "李晓霞工作室", "SOCIAL_ORGANISATION", CODE))
                    .expectException(Refused.with(CREDIT_CODE_ALREADY_IN_ALLIANCE))
                    .expectNoEvents();
        }

        @Test
        void acceptsAnOrganisationWhoseEarlierApplicationWasRejected() {
            registry.with("earlier", WELFARE, "李晓霞工作室", CODE, MembershipStatus.REJECTED);
            fixture.givenNoPriorActivity()
                    .when(application("PUBLIC_WELFARE", "李晓霞工作室", "SOCIAL_ORGANISATION", CODE))
                    .expectEvents(applied());
        }

        @Test
        void refusesAnOrganisationExpelledFromTheAllianceDuringItsBan() {
            Instant until = FixedClock.NOW.plus(Duration.ofDays(100));
            registry.with("earlier", WELFARE, "李晓霞工作室", CODE, MembershipStatus.ADMITTED).expelled("earlier", until);
            fixture.givenNoPriorActivity()
                    .when(application("PUBLIC_WELFARE", "李晓霞工作室", "SOCIAL_ORGANISATION", CODE))
                    .expectException(Refused.with(CREDIT_CODE_BANNED_AFTER_EXPULSION))
                    .expectExceptionMessage(containsString(until.toString()))
                    .expectNoEvents();
        }

        @Test
        void acceptsAnOrganisationExpelledOnceItsBanIsOver() {
            registry.with("earlier", WELFARE, "李晓霞工作室", CODE, MembershipStatus.ADMITTED)
                    .expelled("earlier", FixedClock.NOW.minusSeconds(1));
            fixture.givenNoPriorActivity()
                    .when(application("PUBLIC_WELFARE", "李晓霞工作室", "SOCIAL_ORGANISATION", CODE))
                    .expectEvents(applied());
        }

        @Test
        void refusesAnOrganisationWhoseMembershipIsSuspended() {
            registry.with("earlier", WELFARE, "李晓霞工作室", CODE, MembershipStatus.SUSPENDED);
            fixture.givenNoPriorActivity()
                    .when(application("PUBLIC_WELFARE", "李晓霞工作室", "SOCIAL_ORGANISATION", CODE))
                    .expectException(Refused.with(CREDIT_CODE_ALREADY_IN_ALLIANCE))
                    .expectNoEvents();
        }

        @Test
        void acceptsAnOrganisationThatWithdrewEarlier() {
            registry.with("earlier", WELFARE, "李晓霞工作室", CODE, MembershipStatus.WITHDRAWN);
            fixture.givenNoPriorActivity()
                    .when(application("PUBLIC_WELFARE", "李晓霞工作室", "SOCIAL_ORGANISATION", CODE))
                    .expectEvents(applied());
        }

        @Test
        void acceptsTheSameOrganisationInTheOtherAlliance() {
            registry.with("earlier", Alliance.DOMESTIC_SERVICE, "李晓霞工作室", CODE, MembershipStatus.ADMITTED);
            fixture.givenNoPriorActivity()
                    .when(application("PUBLIC_WELFARE", "李晓霞工作室", "SOCIAL_ORGANISATION", CODE))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class Reviewing {

        @Test
        void approvesWithNotes() {
            fixture.given(applied())
                    .when(ReviewAllianceApplication.read(MEMBER, "APPROVE", "材料齐全", null, FixedClock.CLOCK))
                    .expectEvents(approved());
        }

        @Test
        void rejectsWithAReason() {
            fixture.given(applied())
                    .when(ReviewAllianceApplication.read(MEMBER, "REJECT", "资质证明缺失", null, FixedClock.CLOCK))
                    .expectEvents(new AllianceApplicationRejected(MEMBER, WELFARE, "资质证明缺失", FixedClock.NOW));
        }

        @Test
        void refusesAReviewOfAnApplicationNotAwaitingReview() {
            fixture.given(applied(), approved())
                    .when(ReviewAllianceApplication.read(MEMBER, "REJECT", "重复审核", null, FixedClock.CLOCK))
                    .expectException(Refused.with(APPLICATION_NOT_AWAITING_REVIEW))
                    .expectNoEvents();
        }
    }

    @Nested
    class SigningTheConvention {

        @Test
        void recordsTheSignature() {
            fixture.given(applied(), approved())
                    .when(SignAllianceConvention.read(MEMBER, "2014-1", "李晓霞", null, FixedClock.CLOCK))
                    .expectEvents(signed("2014-1"));
        }

        @Test
        void refusesAnOrganisationNotApproved() {
            fixture.given(applied())
                    .when(SignAllianceConvention.read(MEMBER, "2014-1", "李晓霞", null, FixedClock.CLOCK))
                    .expectException(Refused.with(MEMBER_NOT_APPROVED))
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownConventionVersion() {
            fixture.given(applied(), approved())
                    .when(SignAllianceConvention.read(MEMBER, "1999-1", "李晓霞", null, FixedClock.CLOCK))
                    .expectException(Refused.with(CONVENTION_VERSION_UNKNOWN, "conventionVersion"))
                    .expectNoEvents();
        }

        @Test
        void recordsASignatureOfANewVersionByAnAdmittedMember() {
            conventions.published(WELFARE, "2026-1");
            fixture.given(member())
                    .when(SignAllianceConvention.read(MEMBER, "2026-1", "李晓霞", null, FixedClock.CLOCK))
                    .expectEvents(signed("2026-1"));
        }

        @Test
        void recordsASignatureByASuspendedMember() {
            conventions.published(WELFARE, "2026-1");
            fixture.given(memberAnd(suspended(OWED)))
                    .when(SignAllianceConvention.read(MEMBER, "2026-1", "李晓霞", null, FixedClock.CLOCK))
                    .expectEvents(signed("2026-1"));
        }

        @Test
        void refusesASignatureOfAnExpelledOrganisation() {
            fixture.given(memberAnd(expelled()))
                    .when(SignAllianceConvention.read(MEMBER, "2014-1", "李晓霞", null, FixedClock.CLOCK))
                    .expectException(Refused.with(MEMBER_NOT_APPROVED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Admitting {

        @Test
        void admitsAnApprovedOrganisationThatSignedTheCurrentConvention() {
            fixture.given(applied(), approved(), signed("2014-1"))
                    .when(AdmitAllianceMember.read(MEMBER, null, FixedClock.CLOCK))
                    .expectEvents(new AllianceMemberAdmitted(MEMBER, WELFARE, "李晓霞工作室",
                            UnifiedSocialCreditCode.of(CODE), "2014-1", FixedClock.NOW));
        }

        @Test
        void refusesAnOrganisationNotApproved() {
            fixture.given(applied())
                    .when(AdmitAllianceMember.read(MEMBER, null, FixedClock.CLOCK))
                    .expectException(Refused.with(MEMBER_NOT_APPROVED))
                    .expectNoEvents();
        }

        @Test
        void refusesAnOrganisationThatHasNotSigned() {
            fixture.given(applied(), approved())
                    .when(AdmitAllianceMember.read(MEMBER, null, FixedClock.CLOCK))
                    .expectException(Refused.with(CONVENTION_NOT_SIGNED))
                    .expectNoEvents();
        }

        @Test
        void refusesAnOrganisationThatSignedOnlyAnOlderConvention() {
            conventions.published(WELFARE, "2026-1");
            fixture.given(applied(), approved(), signed("2014-1"))
                    .when(AdmitAllianceMember.read(MEMBER, null, FixedClock.CLOCK))
                    .expectException(Refused.with(CONVENTION_NOT_SIGNED))
                    .expectNoEvents();
        }

        @Test
        void refusesAnOrganisationAlreadyAdmitted() {
            fixture.given(member())
                    .when(AdmitAllianceMember.read(MEMBER, null, FixedClock.CLOCK))
                    .expectException(Refused.with(MEMBER_ALREADY_ADMITTED))
                    .expectNoEvents();
        }

        @Test
        void refusesWhileNoConventionIsPublished() {
            conventions = new InMemoryConventionRegistry();
            fixture = new AggregateTestFixture<>(AllianceMember.class);
            fixture.registerInjectableResource(conventions);
            fixture.registerInjectableResource(FixedClock.CLOCK);
            fixture.given(applied(), approved(), signed("2014-1"))
                    .when(AdmitAllianceMember.read(MEMBER, null, FixedClock.CLOCK))
                    .expectException(Refused.with(CONVENTION_NOT_SIGNED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Suspending {

        @Test
        void suspendsAnAdmittedMemberForAReason() {
            fixture.given(member())
                    .when(SuspendAllianceMember.read(MEMBER, "服务投诉待核查", null, FixedClock.CLOCK))
                    .expectEvents(suspended("服务投诉待核查"));
        }

        @Test
        void refusesAnOrganisationNotAdmitted() {
            fixture.given(applied(), approved())
                    .when(SuspendAllianceMember.read(MEMBER, "服务投诉", null, FixedClock.CLOCK))
                    .expectException(Refused.with(MEMBER_NOT_ADMITTED))
                    .expectNoEvents();
        }

        @Test
        void refusesAMemberAlreadySuspended() {
            fixture.given(memberAnd(suspended("服务投诉")))
                    .when(SuspendAllianceMember.read(MEMBER, "再次暂停", null, FixedClock.CLOCK))
                    .expectException(Refused.with(MEMBER_ALREADY_SUSPENDED))
                    .expectNoEvents();
        }

        @Test
        void refusesAnExpelledOrganisation() {
            fixture.given(memberAnd(expelled()))
                    .when(SuspendAllianceMember.read(MEMBER, "服务投诉", null, FixedClock.CLOCK))
                    .expectException(Refused.with(MEMBERSHIP_ENDED))
                    .expectNoEvents();
        }
    }

    @Nested
    class EnforcingTheConventionSignature {

        @Test
        void suspendsAnAdmittedMemberThatHasNotSignedTheCurrentVersion() {
            conventions.published(WELFARE, "2026-1");
            fixture.given(member())
                    .when(new EnforceConventionSignature(MEMBER, "2026-1"))
                    .expectEvents(new AllianceMemberSuspended(MEMBER, WELFARE, "李晓霞工作室", OWED, "2026-1",
                            FixedClock.NOW));
        }

        @Test
        void leavesAMemberThatSignedInTime() {
            conventions.published(WELFARE, "2026-1");
            fixture.given(memberAnd(signed("2026-1")))
                    .when(new EnforceConventionSignature(MEMBER, "2026-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void leavesAMemberWhenANewerVersionSupersededIt() {
            conventions.published(WELFARE, "2026-1", "2026-2");
            fixture.given(member())
                    .when(new EnforceConventionSignature(MEMBER, "2026-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void leavesAMemberThatIsNoLongerAdmitted() {
            conventions.published(WELFARE, "2026-1");
            fixture.given(memberAnd(suspended("服务投诉")))
                    .when(new EnforceConventionSignature(MEMBER, "2026-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Reinstating {

        @Test
        void reinstatesASuspendedMemberThatSignedTheCurrentConvention() {
            fixture.given(memberAnd(suspended("服务投诉待核查")))
                    .when(ReinstateAllianceMember.read(MEMBER, "核查无误", null, FixedClock.CLOCK))
                    .expectEvents(new AllianceMemberReinstated(MEMBER, WELFARE, "李晓霞工作室", "核查无误", "2014-1",
                            FixedClock.NOW));
        }

        @Test
        void reinstatesAMemberSuspendedForNotSigningOnceItHasSigned() {
            conventions.published(WELFARE, "2026-1");
            fixture.given(memberAnd(new AllianceMemberSuspended(MEMBER, WELFARE, "李晓霞工作室", OWED, "2026-1",
                            FixedClock.NOW), signed("2026-1")))
                    .when(ReinstateAllianceMember.read(MEMBER, "已签署新版公约", null, FixedClock.CLOCK))
                    .expectEvents(new AllianceMemberReinstated(MEMBER, WELFARE, "李晓霞工作室", "已签署新版公约",
                            "2026-1", FixedClock.NOW));
        }

        @Test
        void refusesAMemberThatOwesTheCurrentConvention() {
            conventions.published(WELFARE, "2026-1");
            fixture.given(memberAnd(suspended("服务投诉待核查")))
                    .when(ReinstateAllianceMember.read(MEMBER, "核查无误", null, FixedClock.CLOCK))
                    .expectException(Refused.with(CONVENTION_NOT_SIGNED))
                    .expectNoEvents();
        }

        @Test
        void refusesAMemberThatIsNotSuspended() {
            fixture.given(member())
                    .when(ReinstateAllianceMember.read(MEMBER, "核查无误", null, FixedClock.CLOCK))
                    .expectException(Refused.with(MEMBER_NOT_SUSPENDED))
                    .expectNoEvents();
        }

        @Test
        void refusesAnOrganisationThatWithdrew() {
            fixture.given(memberAnd(withdrew()))
                    .when(ReinstateAllianceMember.read(MEMBER, "重新加入", null, FixedClock.CLOCK))
                    .expectException(Refused.with(MEMBERSHIP_ENDED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Expelling {

        @Test
        void expelsAnAdmittedMemberAndBansTheCreditCodeForTheConfiguredPeriod() {
            fixture.given(member())
                    .when(ExpelAllianceMember.read(MEMBER, "虚假宣传", null, FixedClock.CLOCK))
                    .expectEvents(expelled());
        }

        @Test
        void expelsASuspendedMember() {
            properties.setExpulsionBan(Duration.ofDays(30));
            fixture.given(memberAnd(suspended("服务投诉待核查")))
                    .when(ExpelAllianceMember.read(MEMBER, "核查属实", null, FixedClock.CLOCK))
                    .expectEvents(new AllianceMemberExpelled(MEMBER, WELFARE, "李晓霞工作室",
                            UnifiedSocialCreditCode.of(CODE), "核查属实", FixedClock.NOW,
                            FixedClock.NOW.plus(Duration.ofDays(30))));
        }

        @Test
        void refusesAnApplicant() {
            fixture.given(applied())
                    .when(ExpelAllianceMember.read(MEMBER, "虚假宣传", null, FixedClock.CLOCK))
                    .expectException(Refused.with(MEMBER_NOT_ADMITTED))
                    .expectNoEvents();
        }

        @Test
        void refusesAnOrganisationAlreadyExpelled() {
            fixture.given(memberAnd(expelled()))
                    .when(ExpelAllianceMember.read(MEMBER, "再次开除", null, FixedClock.CLOCK))
                    .expectException(Refused.with(MEMBERSHIP_ENDED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Withdrawing {

        @Test
        void recordsTheWithdrawalOfAnAdmittedMember() {
            fixture.given(member())
                    .when(WithdrawFromAlliance.read(MEMBER, "业务调整", null, FixedClock.CLOCK))
                    .expectEvents(withdrew());
        }

        @Test
        void recordsTheWithdrawalOfASuspendedMember() {
            fixture.given(memberAnd(suspended("服务投诉待核查")))
                    .when(WithdrawFromAlliance.read(MEMBER, "业务调整", null, FixedClock.CLOCK))
                    .expectEvents(withdrew());
        }

        @Test
        void refusesAnOrganisationThatIsNotAMember() {
            fixture.given(applied(), new AllianceApplicationRejected(MEMBER, WELFARE, "资质证明缺失", FixedClock.NOW))
                    .when(WithdrawFromAlliance.read(MEMBER, "业务调整", null, FixedClock.CLOCK))
                    .expectException(Refused.with(MEMBER_NOT_ADMITTED))
                    .expectNoEvents();
        }

        @Test
        void refusesAnOrganisationThatAlreadyWithdrew() {
            fixture.given(memberAnd(withdrew()))
                    .when(WithdrawFromAlliance.read(MEMBER, "业务调整", null, FixedClock.CLOCK))
                    .expectException(Refused.with(MEMBERSHIP_ENDED))
                    .expectNoEvents();
        }
    }
}
