package org.familystation.query.network;

import org.familystation.events.common.HomeTier;
import org.familystation.events.common.UnitLevel;
import org.familystation.events.network.CommunityHomeRerated;
import org.familystation.events.network.OrganisationUnitEvent;
import org.familystation.events.network.UnitEstablished;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Given a unit's events, the unit they leave ({@link UnitFold}). */
class UnitFoldTest {

    private static final Instant ESTABLISHED = Instant.parse("2014-01-01T00:00:00Z");
    private static final Instant RERATED = Instant.parse("2024-06-01T02:00:00Z");
    private static final UnitEstablished HOME = new UnitEstablished("home-1", UnitLevel.COMMUNITY_HOME, "幸福社区",
            "branch-1", "玄武区", HomeTier.STANDARD, ESTABLISHED);

    @Test
    void anEstablishmentMakesTheUnit() {
        assertThat(fold(HOME)).isEqualTo(new UnitState("home-1", UnitLevel.COMMUNITY_HOME, "幸福社区", "branch-1",
                "玄武区", HomeTier.STANDARD, ESTABLISHED, null));
    }

    @Test
    void aReratingChangesTheHomesTierAndWhen() {
        UnitState home = fold(HOME, new CommunityHomeRerated("home-1", HomeTier.STANDARD,
                HomeTier.PROVINCIAL_DEMONSTRATION, "评估优秀", RERATED));

        assertThat(home.tier()).isEqualTo(HomeTier.PROVINCIAL_DEMONSTRATION);
        assertThat(home.reratedAt()).isEqualTo(RERATED);
        assertThat(home.name()).isEqualTo("幸福社区");
    }

    @Test
    void aUnitIsEstablishedOnceAndAnUnknownOneIsNotRerated() {
        UnitEstablished again =
                new UnitEstablished("home-1", UnitLevel.BRANCH_CENTRE, "别处", null, "秦淮区", null, RERATED);

        assertThat(fold(HOME, again)).isEqualTo(fold(HOME));
        assertThat(fold(new CommunityHomeRerated("home-9", HomeTier.STANDARD, HomeTier.PROVINCIAL_DEMONSTRATION,
                "评估优秀", RERATED))).isNull();
    }

    private static UnitState fold(OrganisationUnitEvent... events) {
        UnitState unit = null;
        for (OrganisationUnitEvent event : events) {
            unit = UnitFold.evolve(unit, event);
        }
        return unit;
    }
}
