package org.familystation.command.network;

import org.familystation.command.common.CommonRefusals;
import org.familystation.events.common.HomeTier;
import org.familystation.events.common.UnitLevel;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familystation.command.common.Refused.assertRefused;
import static org.familystation.command.network.NetworkRefusals.*;

/** What network commands refuse without looking at any unit: read at the edge, before a command is sent. */
class NetworkInputTest {

    private static final String UNIT = "4e1f9a2c-7d6b-4a4c-8f5e-8b9c0d1e2f3a";
    private static final String HQ = "1a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String XUANWU = "2a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    @Nested
    class Establishing {

        @Test
        void readsTheLevelAndAHomesTierAndIgnoresTheTierOfOtherUnits() {
            EstablishUnit home = EstablishUnit.read(UNIT, "COMMUNITY_HOME", " 梅园新村妇女儿童之家 ", XUANWU, null,
                    "STANDARD");
            assertThat(home.level()).isEqualTo(UnitLevel.COMMUNITY_HOME);
            assertThat(home.name()).isEqualTo("梅园新村妇女儿童之家");
            assertThat(home.tier()).isEqualTo(HomeTier.STANDARD);
            assertThat(EstablishUnit.read(UNIT, "BRANCH_CENTRE", "玄武区妇儿活动中心", HQ, "玄武区", "GOLD").tier())
                    .isNull();
        }

        @Test
        void refusesAParentForTheFederation() {
            assertRefused(FEDERATION_HAS_NO_PARENT, "parentUnitId",
                    () -> EstablishUnit.read(UNIT, "FEDERATION", "南京市妇联", HQ, null, null));
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"GOLD", ""})
        void refusesACommunityHomeWithoutAKnownTier(String tier) {
            assertRefused(HOME_TIER_UNKNOWN, "tier",
                    () -> EstablishUnit.read(UNIT, "COMMUNITY_HOME", "梅园新村妇女儿童之家", XUANWU, null, tier));
        }

        @Test
        void refusesAnUnknownLevel() {
            assertRefused(UNIT_LEVEL_UNKNOWN, "level",
                    () -> EstablishUnit.read(UNIT, "VILLAGE", "梅园新村", XUANWU, null, null));
        }

        @Test
        void refusesABlankOrOverLongName() {
            assertRefused(UNIT_NAME_INVALID, "name",
                    () -> EstablishUnit.read(UNIT, "BRANCH_CENTRE", " ", HQ, "玄武区", null));
            assertRefused(UNIT_NAME_INVALID, "name", () -> EstablishUnit.read(UNIT, "BRANCH_CENTRE",
                    "中".repeat(EstablishUnit.MAX_NAME + 1), HQ, "玄武区", null));
        }

        @Test
        void refusesAnIdThatIsNotAUuid() {
            assertRefused(CommonRefusals.ID_INVALID, "unitId",
                    () -> EstablishUnit.read("unit-1", "BRANCH_CENTRE", "玄武区妇儿活动中心", HQ, "玄武区", null));
        }
    }

    @Nested
    class Rerating {

        @Test
        void refusesWithoutAReason() {
            assertRefused(REASON_REQUIRED, "reason",
                    () -> RerateCommunityHome.read(UNIT, "PROVINCIAL_DEMONSTRATION", ""));
        }

        @Test
        void refusesAnUnknownTier() {
            assertRefused(HOME_TIER_UNKNOWN, "tier", () -> RerateCommunityHome.read(UNIT, "GOLD", "复核"));
        }
    }
}
