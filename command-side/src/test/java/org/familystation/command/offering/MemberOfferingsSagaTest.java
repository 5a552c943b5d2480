package org.familystation.command.offering;

import org.axonframework.test.saga.SagaTestFixture;
import org.familystation.command.common.FixedClock;
import org.familystation.events.alliance.AllianceMemberExpelled;
import org.familystation.events.alliance.AllianceMemberReinstated;
import org.familystation.events.alliance.AllianceMemberSuspended;
import org.familystation.events.alliance.AllianceMemberWithdrew;
import org.familystation.events.common.Alliance;
import org.familystation.events.common.CapacityPeriod;
import org.familystation.events.common.Pricing;
import org.familystation.events.common.StationPoint;
import org.familystation.events.common.UnifiedSocialCreditCode;
import org.familystation.events.offering.OfferingWithdrawn;
import org.familystation.events.offering.ServiceOffered;
import org.familystation.command.sagacommand.RecordedSagaCommands;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MemberOfferingsSagaTest {

    private static final String MEMBER = "3f1d2c9a-8b7e-4c6d-9e0f-1a2b3c4d5e6f";
    private static final String OTHER_MEMBER = "3f1d2c9a-8b7e-4c6d-9e0f-1a2b3c4d5e70";
    private static final String AT_MEIYUAN = "9c1d2e3f-4a5b-4c6d-8e7f-000000000001";
    private static final String AT_LANYUAN = "9c1d2e3f-4a5b-4c6d-8e7f-000000000002";
    private static final String OTHERS = "9c1d2e3f-4a5b-4c6d-8e7f-000000000003";
    private static final Alliance WELFARE = Alliance.PUBLIC_WELFARE;

    private SagaTestFixture<MemberOfferingsSaga> fixture;
    private final RecordedSagaCommands sent = new RecordedSagaCommands();

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(MemberOfferingsSaga.class);
        fixture.registerResource(sent);
    }

    private static ServiceOffered offered(String offeringId, String memberId, String stationId) {
        return new ServiceOffered(offeringId, memberId, WELFARE, "李晓霞工作室", stationId, "家庭驿站", "玄武区",
                StationPoint.EMOTIONAL, "PSYCHOLOGICAL_COUNSELLING", "心理咨询", Pricing.FREE, null, 12,
                CapacityPeriod.PER_SESSION, null, FixedClock.NOW);
    }

    private static AllianceMemberSuspended suspended(String reason) {
        return new AllianceMemberSuspended(MEMBER, WELFARE, "李晓霞工作室", reason, null, FixedClock.NOW);
    }

    @Test
    void followsAMembersOfferings() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(offered(AT_MEIYUAN, MEMBER, "meiyuan"))
                .expectActiveSagas(1)
                .expectAssociationWith(MemberOfferingsSaga.MEMBER_ID, MEMBER);
        assertThat(sent.commands()).isEmpty();
    }

    @Test
    void withdrawsEveryActiveOfferingAcrossStationsWhenTheMemberIsSuspended() {
        fixture.givenAPublished(offered(AT_MEIYUAN, MEMBER, "meiyuan"))
                .andThenAPublished(offered(AT_LANYUAN, MEMBER, "lanyuan"))
                .andThenAPublished(offered(OTHERS, OTHER_MEMBER, "meiyuan"))
                .whenPublishingA(suspended("服务投诉待核查"))
                .expectActiveSagas(1);
        assertThat(sent.commands()).containsExactly(new WithdrawOffering(AT_MEIYUAN, "联盟成员被暂停：服务投诉待核查"),
                new WithdrawOffering(AT_LANYUAN, "联盟成员被暂停：服务投诉待核查"));
        // Each offering is withdrawn once, whatever departure decides it: a retry or a second decision is a no-op.
        assertThat(sent.ids()).containsExactly("WithdrawOffering:" + AT_MEIYUAN, "WithdrawOffering:" + AT_LANYUAN);
    }

    @Test
    void withdrawsOnlyWhatIsStillOfferedWhenTheMemberIsExpelled() {
        fixture.givenAPublished(offered(AT_MEIYUAN, MEMBER, "meiyuan"))
                .andThenAPublished(offered(AT_LANYUAN, MEMBER, "lanyuan"))
                .andThenAPublished(new OfferingWithdrawn(AT_MEIYUAN, MEMBER, "meiyuan", "PSYCHOLOGICAL_COUNSELLING",
                        "场地调整", FixedClock.NOW))
                .whenPublishingA(new AllianceMemberExpelled(MEMBER, WELFARE, "李晓霞工作室",
                        UnifiedSocialCreditCode.of("91350100M000100Y43"), "虚假宣传", FixedClock.NOW,
                        FixedClock.NOW.plus(Duration.ofDays(365))))
                .expectActiveSagas(0);
        assertThat(sent.commands()).containsExactly(new WithdrawOffering(AT_LANYUAN, "联盟成员被开除出盟：虚假宣传"));
    }

    @Test
    void withdrawsTheOfferingsOfAMemberThatWithdrawsFromItsAlliance() {
        fixture.givenAPublished(offered(AT_MEIYUAN, MEMBER, "meiyuan"))
                .whenPublishingA(new AllianceMemberWithdrew(MEMBER, WELFARE, "李晓霞工作室", "业务调整", FixedClock.NOW))
                .expectActiveSagas(0);
        assertThat(sent.commands()).containsExactly(new WithdrawOffering(AT_MEIYUAN, "联盟成员已退出联盟：业务调整"));
    }

    @Test
    void withdrawsForAnAutomaticSuspensionWithItsReason() {
        fixture.givenAPublished(offered(AT_MEIYUAN, MEMBER, "meiyuan"))
                .whenPublishingA(new AllianceMemberSuspended(MEMBER, WELFARE, "李晓霞工作室", "未在宽限期内签署新版联盟公约",
                        "2026-1", FixedClock.NOW));
        assertThat(sent.commands()).containsExactly(new WithdrawOffering(AT_MEIYUAN, "联盟成员被暂停：未在宽限期内签署新版联盟公约"));
    }

    @Test
    void endsWhenTheLastOfferingIsWithdrawnSoALaterSuspensionWithdrawsNothing() {
        fixture.givenAPublished(offered(AT_MEIYUAN, MEMBER, "meiyuan"))
                .andThenAPublished(new OfferingWithdrawn(AT_MEIYUAN, MEMBER, "meiyuan", "PSYCHOLOGICAL_COUNSELLING",
                        "场地调整", FixedClock.NOW))
                .whenPublishingA(suspended("服务投诉待核查"))
                .expectActiveSagas(0);
        assertThat(sent.commands()).isEmpty();
    }

    @Test
    void anOfferingMadeAfterReinstatementIsNotWithdrawnForTheEarlierSuspension() {
        fixture.givenAPublished(offered(AT_MEIYUAN, MEMBER, "meiyuan"))
                .andThenAPublished(suspended("服务投诉待核查"))
                .andThenAPublished(new AllianceMemberReinstated(MEMBER, WELFARE, "李晓霞工作室", "核查无误", "2014-1",
                        FixedClock.NOW))
                .whenPublishingA(offered(AT_LANYUAN, MEMBER, "lanyuan"))
                .expectActiveSagas(1);
        // Only the withdrawal the suspension caused at the time.
        assertThat(sent.commands()).containsExactly(new WithdrawOffering(AT_MEIYUAN, "联盟成员被暂停：服务投诉待核查"));
    }
}
