package org.familystation.command.alliance;

import org.axonframework.test.saga.SagaTestFixture;
import org.familystation.command.common.FixedClock;
import org.familystation.events.alliance.AllianceConventionPublished;
import org.familystation.events.common.Alliance;
import org.familystation.command.sagacommand.RecordedSagaCommands;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ConventionSignatureSagaTest {

    private static final Alliance WELFARE = Alliance.PUBLIC_WELFARE;
    private static final Duration GRACE = Duration.ofDays(30);
    private static final Instant DUE = FixedClock.NOW.plus(GRACE);
    private static final String SIGNED = "3f1d2c9a-8b7e-4c6d-9e0f-000000000001";
    private static final String UNSIGNED = "3f1d2c9a-8b7e-4c6d-9e0f-000000000002";
    private static final String ALSO_UNSIGNED = "3f1d2c9a-8b7e-4c6d-9e0f-000000000003";
    private static final String SUSPENDED = "3f1d2c9a-8b7e-4c6d-9e0f-000000000004";
    private static final String OTHER_ALLIANCE = "3f1d2c9a-8b7e-4c6d-9e0f-000000000005";

    private SagaTestFixture<ConventionSignatureSaga> fixture;
    private final RecordedSagaCommands sent = new RecordedSagaCommands();
    private InMemoryMemberRegistry members;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(ConventionSignatureSaga.class);
        fixture.registerResource(sent);
        members = new InMemoryMemberRegistry()
                .with(SIGNED, WELFARE, "李晓霞工作室", "91350100M000100Y43", MembershipStatus.ADMITTED)
                .with(UNSIGNED, WELFARE, "爱心妈妈QQ群", "91320100134887962Y", MembershipStatus.ADMITTED)
                .with(ALSO_UNSIGNED, WELFARE, "12338热线", "913201000000000011", MembershipStatus.ADMITTED)
                .with(SUSPENDED, WELFARE, "南京市月嫂联合会", "913201000000000029", MembershipStatus.SUSPENDED)
                .with(OTHER_ALLIANCE, Alliance.DOMESTIC_SERVICE, "乐斯家政", "913201000000000037",
                        MembershipStatus.ADMITTED)
                .signed(SIGNED, "2026-1")
                .signed(UNSIGNED, "2014-1");
        fixture.registerResource(members);
        fixture.givenCurrentTime(FixedClock.NOW);
    }

    private static AllianceConventionPublished published(String version, String superseded) {
        return new AllianceConventionPublished(WELFARE, version, "新版", superseded, FixedClock.NOW, GRACE, DUE);
    }

    @Test
    void waitsForTheSignatureDeadlineOfANewVersion() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(published("2026-1", "2014-1"))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(DUE, ConventionSignatureSaga.SIGNATURE_DUE);
        assertThat(sent.commands()).isEmpty();
    }

    @Test
    void atTheDeadlineHasEveryAdmittedMemberThatHasNotSignedSuspendedAndEnds() {
        fixture.givenAPublished(published("2026-1", "2014-1"))
                .whenTimeElapses(GRACE)
                .expectTriggeredDeadlinesWithName(ConventionSignatureSaga.SIGNATURE_DUE)
                .expectActiveSagas(0);
        assertThat(sent.commands()).containsExactly(new EnforceConventionSignature(UNSIGNED, "2026-1"),
                new EnforceConventionSignature(ALSO_UNSIGNED, "2026-1"));
        assertThat(sent.ids()).containsExactly("EnforceConventionSignature:" + UNSIGNED + ":2026-1",
                "EnforceConventionSignature:" + ALSO_UNSIGNED + ":2026-1");
    }

    @Test
    void doesNothingBeforeTheDeadline() {
        fixture.givenAPublished(published("2026-1", "2014-1"))
                .whenTimeElapses(GRACE.minusSeconds(1))
                .expectActiveSagas(1);
        assertThat(sent.commands()).isEmpty();
    }

    @Test
    void endsAtOnceForTheFirstVersionOfAnAlliance() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(published("2014-1", null))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aNewerVersionSupersedesTheOlderDeadline() {
        Instant laterDue = FixedClock.NOW.plus(Duration.ofDays(40));
        fixture.givenAPublished(published("2026-1", "2014-1"))
                .whenPublishingA(new AllianceConventionPublished(WELFARE, "2026-2", "再次修订", "2026-1",
                        FixedClock.NOW.plus(Duration.ofDays(10)), GRACE, laterDue))
                .expectActiveSagas(1)
                .expectNoScheduledDeadlineWithName(DUE, ConventionSignatureSaga.SIGNATURE_DUE)
                .expectScheduledDeadlineWithName(laterDue, ConventionSignatureSaga.SIGNATURE_DUE);
    }

    @Test
    void aPublicationOfTheOtherAllianceChangesNothing() {
        fixture.givenAPublished(published("2026-1", "2014-1"))
                .whenPublishingA(new AllianceConventionPublished(Alliance.DOMESTIC_SERVICE, "2026-1", "新版", "2014-1",
                        FixedClock.NOW, GRACE, DUE))
                .expectActiveSagas(2);
        assertThat(sent.commands()).isEmpty();
    }
}
