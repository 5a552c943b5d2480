package org.familystation.command.alliance;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.familystation.command.common.CommonRefusals;
import org.familystation.command.common.FixedClock;
import org.familystation.command.common.Refused;
import org.familystation.events.alliance.AllianceApplicationApproved;
import org.familystation.events.alliance.AllianceApplicationRejected;
import org.familystation.events.alliance.AllianceConventionSigned;
import org.familystation.events.alliance.AllianceMemberAdmitted;
import org.familystation.events.alliance.AllianceMembershipApplied;
import org.familystation.events.common.Alliance;
import org.familystation.events.common.OrganisationType;
import org.familystation.events.common.UnifiedSocialCreditCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.familystation.command.alliance.AllianceRefusals.*;

class AllianceMemberTest {

    private static final String MEMBER = "3f1d2c9a-8b7e-4c6d-9e0f-1a2b3c4d5e6f";
    private static final String CODE = "91350100M000100Y43";
    private static final Alliance WELFARE = Alliance.PUBLIC_WELFARE;

    private AggregateTestFixture<AllianceMember> fixture;
    private InMemoryMemberRegistry registry;
    private ConventionProperties conventions;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AllianceMember.class);
        registry = new InMemoryMemberRegistry();
        conventions = new ConventionProperties();
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(conventions);
        fixture.registerInjectableResource(FixedClock.CLOCK);
    }

    private static ApplyForAllianceMembership application(String alliance, String name, String type, String code) {
        return new ApplyForAllianceMembership(MEMBER, alliance, name, type, code, "李晓霞", "025-83300000");
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

    @Nested
    class Applying {

        @Test
        void recordsTheApplication() {
            fixture.givenNoPriorActivity()
                    .when(application("PUBLIC_WELFARE", "李晓霞工作室", "SOCIAL_ORGANISATION", CODE))
                    .expectEvents(applied());
        }

        @Test
        void refusesAnUnknownAlliance() {
            fixture.givenNoPriorActivity()
                    .when(application("SPORTS", "李晓霞工作室", "SOCIAL_ORGANISATION", CODE))
                    .expectException(Refused.with(ALLIANCE_UNKNOWN, "alliance"))
                    .expectNoEvents();
        }

        @Test
        void refusesAMalformedCreditCode() {
            fixture.givenNoPriorActivity()
                    .when(application("PUBLIC_WELFARE", "李晓霞工作室", "SOCIAL_ORGANISATION", "12345"))
                    .expectException(Refused.with(CREDIT_CODE_INVALID, "creditCode"))
                    .expectNoEvents();
        }

        @Test
        void refusesACreditCodeWithAWrongCheckCharacter() {
            fixture.givenNoPriorActivity()
                    .when(application("PUBLIC_WELFARE", "李晓霞工作室", "SOCIAL_ORGANISATION", "91350100M000100Y44"))
                    .expectException(Refused.with(CREDIT_CODE_INVALID, "creditCode"))
                    .expectNoEvents();
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
        void acceptsTheSameOrganisationInTheOtherAlliance() {
            registry.with("earlier", Alliance.DOMESTIC_SERVICE, "李晓霞工作室", CODE, MembershipStatus.ADMITTED);
            fixture.givenNoPriorActivity()
                    .when(application("PUBLIC_WELFARE", "李晓霞工作室", "SOCIAL_ORGANISATION", CODE))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesABlankOrganisationName() {
            fixture.givenNoPriorActivity()
                    .when(application("PUBLIC_WELFARE", " ", "SOCIAL_ORGANISATION", CODE))
                    .expectException(Refused.with(ORGANISATION_NAME_INVALID, "organisationName"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownOrganisationType() {
            fixture.givenNoPriorActivity()
                    .when(application("PUBLIC_WELFARE", "李晓霞工作室", "CLUB", CODE))
                    .expectException(Refused.with(ORGANISATION_TYPE_UNKNOWN, "organisationType"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnOverLongContact() {
            fixture.givenNoPriorActivity()
                    .when(new ApplyForAllianceMembership(MEMBER, "PUBLIC_WELFARE", "李晓霞工作室",
                            "SOCIAL_ORGANISATION", CODE, "李".repeat(AllianceMember.MAX_CONTACT + 1), null))
                    .expectException(Refused.with(CONTACT_INVALID, "contactPerson"))
                    .expectNoEvents();
        }

        @Test
        void refusesAnIdThatIsNotAUuid() {
            fixture.givenNoPriorActivity()
                    .when(new ApplyForAllianceMembership("M-1", "PUBLIC_WELFARE", "李晓霞工作室",
                            "SOCIAL_ORGANISATION", CODE, null, null))
                    .expectException(Refused.with(CommonRefusals.ID_INVALID, "memberId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Reviewing {

        @Test
        void approvesWithNotes() {
            fixture.given(applied())
                    .when(new ReviewAllianceApplication(MEMBER, "APPROVE", "材料齐全"))
                    .expectEvents(approved());
        }

        @Test
        void rejectsWithAReason() {
            fixture.given(applied())
                    .when(new ReviewAllianceApplication(MEMBER, "REJECT", "资质证明缺失"))
                    .expectEvents(new AllianceApplicationRejected(MEMBER, WELFARE, "资质证明缺失", FixedClock.NOW));
        }

        @Test
        void refusesARejectionWithoutAReason() {
            fixture.given(applied())
                    .when(new ReviewAllianceApplication(MEMBER, "REJECT", ""))
                    .expectException(Refused.with(REJECTION_REASON_REQUIRED, "notes"))
                    .expectNoEvents();
        }

        @Test
        void refusesAReviewOfAnApplicationNotAwaitingReview() {
            fixture.given(applied(), approved())
                    .when(new ReviewAllianceApplication(MEMBER, "REJECT", "重复审核"))
                    .expectException(Refused.with(APPLICATION_NOT_AWAITING_REVIEW))
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownDecision() {
            fixture.given(applied())
                    .when(new ReviewAllianceApplication(MEMBER, "MAYBE", null))
                    .expectException(Refused.with(REVIEW_DECISION_UNKNOWN, "decision"))
                    .expectNoEvents();
        }
    }

    @Nested
    class SigningTheConvention {

        @Test
        void recordsTheSignature() {
            fixture.given(applied(), approved())
                    .when(new SignAllianceConvention(MEMBER, "2014-1", "李晓霞"))
                    .expectEvents(signed("2014-1"));
        }

        @Test
        void refusesAnOrganisationNotApproved() {
            fixture.given(applied())
                    .when(new SignAllianceConvention(MEMBER, "2014-1", "李晓霞"))
                    .expectException(Refused.with(MEMBER_NOT_APPROVED))
                    .expectNoEvents();
        }

        @Test
        void refusesAnUnknownConventionVersion() {
            fixture.given(applied(), approved())
                    .when(new SignAllianceConvention(MEMBER, "1999-1", "李晓霞"))
                    .expectException(Refused.with(CONVENTION_VERSION_UNKNOWN, "conventionVersion"))
                    .expectNoEvents();
        }

        @Test
        void refusesABlankSignatory() {
            fixture.given(applied(), approved())
                    .when(new SignAllianceConvention(MEMBER, "2014-1", null))
                    .expectException(Refused.with(SIGNATORY_INVALID, "signatory"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Admitting {

        @Test
        void admitsAnApprovedOrganisationThatSignedTheCurrentConvention() {
            fixture.given(applied(), approved(), signed("2014-1"))
                    .when(new AdmitAllianceMember(MEMBER))
                    .expectEvents(new AllianceMemberAdmitted(MEMBER, WELFARE, "李晓霞工作室",
                            UnifiedSocialCreditCode.of(CODE), "2014-1", FixedClock.NOW));
        }

        @Test
        void refusesAnOrganisationNotApproved() {
            fixture.given(applied())
                    .when(new AdmitAllianceMember(MEMBER))
                    .expectException(Refused.with(MEMBER_NOT_APPROVED))
                    .expectNoEvents();
        }

        @Test
        void refusesAnOrganisationThatHasNotSigned() {
            fixture.given(applied(), approved())
                    .when(new AdmitAllianceMember(MEMBER))
                    .expectException(Refused.with(CONVENTION_NOT_SIGNED))
                    .expectNoEvents();
        }

        @Test
        void refusesAnOrganisationThatSignedOnlyAnOlderConvention() {
            conventions.setConventions(Map.of(WELFARE, List.of("2014-1", "2026-1")));
            fixture.given(applied(), approved(), signed("2014-1"))
                    .when(new AdmitAllianceMember(MEMBER))
                    .expectException(Refused.with(CONVENTION_NOT_SIGNED))
                    .expectNoEvents();
        }

        @Test
        void refusesAnOrganisationAlreadyAdmitted() {
            fixture.given(applied(), approved(), signed("2014-1"), new AllianceMemberAdmitted(MEMBER, WELFARE,
                            "李晓霞工作室", UnifiedSocialCreditCode.of(CODE), "2014-1", FixedClock.NOW))
                    .when(new AdmitAllianceMember(MEMBER))
                    .expectException(Refused.with(MEMBER_ALREADY_ADMITTED))
                    .expectNoEvents();
        }
    }
}
