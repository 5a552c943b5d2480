package org.familystation.command.alliance;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.familystation.command.common.FixedClock;
import org.familystation.command.common.Refused;
import org.familystation.events.alliance.AllianceConventionPublished;
import org.familystation.events.common.Alliance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.familystation.command.alliance.AllianceRefusals.*;

class AllianceConventionTest {

    private static final Alliance WELFARE = Alliance.PUBLIC_WELFARE;
    private static final String ALLIANCE = WELFARE.name();

    private AggregateTestFixture<AllianceConvention> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AllianceConvention.class);
        fixture.registerInjectableResource(FixedClock.CLOCK);
    }

    private static AllianceConventionPublished first() {
        return new AllianceConventionPublished(WELFARE, "2014-1", "初始版本", null, FixedClock.NOW, Duration.ofDays(30),
                FixedClock.NOW.plus(Duration.ofDays(30)));
    }

    @Test
    void publishesTheFirstVersionOfAnAlliance() {
        fixture.givenNoPriorActivity()
                .when(PublishConventionVersion.read(ALLIANCE, "2014-1", "P30D", "初始版本"))
                .expectEvents(first());
    }

    @Test
    void publishesANewVersionThatSupersedesTheCurrentOneAndIsDueAfterTheGracePeriod() {
        fixture.given(first())
                .when(PublishConventionVersion.read(ALLIANCE, " 2026-1 ", "P14D", "增加服务质量承诺条款"))
                .expectEvents(new AllianceConventionPublished(WELFARE, "2026-1", "增加服务质量承诺条款", "2014-1",
                        FixedClock.NOW, Duration.ofDays(14), FixedClock.NOW.plus(Duration.ofDays(14))));
    }

    @Test
    void refusesAVersionAlreadyPublished() {
        fixture.given(first())
                .when(PublishConventionVersion.read(ALLIANCE, "2014-1", "P30D", "重复发布"))
                .expectException(Refused.with(CONVENTION_VERSION_ALREADY_PUBLISHED, "conventionVersion"))
                .expectNoEvents();
    }
}
