package org.familystation.command.station;

import org.familystation.command.common.CommonRefusals;
import org.familystation.command.common.FixedClock;
import org.familystation.events.common.StationPoint;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familystation.command.common.Refused.assertRefused;
import static org.familystation.command.station.StationRefusals.*;

/** What station commands refuse without looking at any station: read at the edge, before a command is sent. */
class StationInputTest {

    private static final String STATION = "7b0c3f0e-2d4e-4a53-9a59-0a4c2f6f1a01";
    private static final String HOME = "home-meiyuan";

    @Nested
    class Opening {

        @Test
        void readsTheOpeningTrimmedAndDatedNowWhenNoDateIsGiven() {
            OpenStation read = OpenStation.read(STATION, " " + HOME + " ", " 梅园新村家庭驿站 ", null, FixedClock.CLOCK);
            assertThat(read.communityHomeId()).isEqualTo(HOME);
            assertThat(read.stationName()).isEqualTo("梅园新村家庭驿站");
            assertThat(read.openedAt()).isEqualTo(FixedClock.NOW);
        }

        @Test
        void refusesAnOpeningInTheFuture() {
            assertRefused(CommonRefusals.HAPPENED_IN_FUTURE, "openedAt", () -> OpenStation.read(STATION, HOME,
                    "梅园新村家庭驿站", FixedClock.NOW.plusSeconds(86_400), FixedClock.CLOCK));
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", " "})
        void refusesAMissingCommunityHome(String home) {
            assertRefused(COMMUNITY_HOME_ID_REQUIRED, "communityHomeId",
                    () -> OpenStation.read(STATION, home, "梅园新村家庭驿站", null, FixedClock.CLOCK));
        }

        @Test
        void refusesABlankOrOverLongStationName() {
            assertRefused(STATION_NAME_INVALID, "stationName",
                    () -> OpenStation.read(STATION, HOME, "  ", null, FixedClock.CLOCK));
            assertRefused(STATION_NAME_INVALID, "stationName", () -> OpenStation.read(STATION, HOME,
                    "驿".repeat(OpenStation.MAX_NAME + 1), null, FixedClock.CLOCK));
        }

        @Test
        void refusesAnIdThatIsNotAUuid() {
            assertRefused(CommonRefusals.ID_INVALID, "stationId",
                    () -> OpenStation.read("station-1", HOME, "梅园新村家庭驿站", null, FixedClock.CLOCK));
        }
    }

    @Nested
    class Changes {

        @Test
        void readsAPointByItsName() {
            assertThat(DeactivateStationPoint.read(STATION, " CULTURE ", "场地维修", null, FixedClock.CLOCK).point())
                    .isEqualTo(StationPoint.CULTURE);
        }

        @Test
        void refusesAnUnknownPoint() {
            assertRefused(STATION_POINT_UNKNOWN, "point",
                    () -> DeactivateStationPoint.read(STATION, "SPORTS", "无", null, FixedClock.CLOCK));
            assertRefused(STATION_POINT_UNKNOWN, "point",
                    () -> ActivateStationPoint.read(STATION, null, "无", null, FixedClock.CLOCK));
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", " "})
        void refuseAChangeWithoutAReason(String reason) {
            assertRefused(REASON_REQUIRED, "reason",
                    () -> DeactivateStationPoint.read(STATION, "CULTURE", reason, null, FixedClock.CLOCK));
            assertRefused(REASON_REQUIRED, "reason",
                    () -> ActivateStationPoint.read(STATION, "CULTURE", reason, null, FixedClock.CLOCK));
            assertRefused(REASON_REQUIRED, "reason",
                    () -> RetireSpecialtyService.read(STATION, "ELDERLY_MEALS", reason, null, FixedClock.CLOCK));
            assertRefused(REASON_REQUIRED, "reason", () -> SuspendStation.read(STATION, reason, null, FixedClock.CLOCK));
            assertRefused(REASON_REQUIRED, "reason", () -> ReopenStation.read(STATION, reason, null, FixedClock.CLOCK));
            assertRefused(REASON_REQUIRED, "reason", () -> CloseStation.read(STATION, reason, null, FixedClock.CLOCK));
        }

        @Test
        void refuseAChangeDatedInTheFuture() {
            assertRefused(CommonRefusals.HAPPENED_IN_FUTURE, "effectiveAt", () -> AddSpecialtyService.read(STATION,
                    "ELDERLY_MEALS", FixedClock.NOW.plusSeconds(86_400), FixedClock.CLOCK));
            assertRefused(CommonRefusals.HAPPENED_IN_FUTURE, "effectiveAt", () -> SuspendStation.read(STATION,
                    "整改", FixedClock.NOW.plusSeconds(86_400), FixedClock.CLOCK));
        }
    }
}
