package org.familystation.query.station;

import org.familystation.events.common.HomeTier;
import org.familystation.events.station.SpecialtyServiceAdded;
import org.familystation.events.station.SpecialtyServiceRetired;
import org.familystation.events.station.StationClosed;
import org.familystation.events.station.StationEvent;
import org.familystation.events.station.StationOpened;
import org.familystation.events.station.StationPointActivated;
import org.familystation.events.station.StationPointDeactivated;
import org.familystation.events.station.StationReopened;
import org.familystation.events.station.StationSuspended;
import org.familystation.query.station.StationOverview.Specialty;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familystation.events.common.StationPoint.EMOTIONAL;
import static org.familystation.events.common.StationPoint.HAPPINESS;
import static org.familystation.events.common.StationPoint.CULTURE;

/** Given a station's events, the station they leave ({@link StationFold}). */
class StationFoldTest {

    private static final Instant OPENED = Instant.parse("2024-01-01T02:00:00Z");
    private static final Instant LATER = Instant.parse("2024-03-01T02:00:00Z");
    private static final Instant LATEST = Instant.parse("2024-05-01T02:00:00Z");
    private static final StationOpened OPENING = new StationOpened("st-1", "home-1", "幸福社区", "幸福驿站", "玄武区",
            HomeTier.STANDARD, List.of(HAPPINESS, EMOTIONAL), OPENED);

    @Test
    void anOpeningMakesAnOpenStationWithItsPoints() {
        StationState station = fold(OPENING);

        assertThat(station).isEqualTo(new StationState("st-1", "幸福驿站", "home-1", "幸福社区", "玄武区",
                HomeTier.STANDARD, OPENED, StationStatus.OPEN, null, null, Set.of(HAPPINESS, EMOTIONAL),
                List.of()));
        assertThat(station.statusSince()).isEqualTo(OPENED);
    }

    @Test
    void nothingHappensToAStationNotOpened() {
        assertThat(fold(new StationSuspended("st-1", "装修", LATER))).isNull();
    }

    @Test
    void aSecondOpeningChangesNothing() {
        StationOpened again = new StationOpened("st-1", "home-2", "别处", "别的驿站", "秦淮区", HomeTier.STANDARD,
                List.of(), LATER);

        assertThat(fold(OPENING, again)).isEqualTo(fold(OPENING));
    }

    @Test
    void pointsAreActivatedAndDeactivated() {
        StationState station = fold(OPENING, new StationPointActivated("st-1", CULTURE, "新增", LATER),
                new StationPointDeactivated("st-1", HAPPINESS, "场地不足", LATEST),
                new StationPointActivated("st-1", EMOTIONAL, "已在", LATEST));

        assertThat(station.activePoints()).containsExactly(EMOTIONAL, CULTURE);
    }

    @Test
    void specialtiesAreAddedInOrderAndRetired() {
        StationState station = fold(OPENING,
                new SpecialtyServiceAdded("st-1", "X-ART", "书画", LATER),
                new SpecialtyServiceAdded("st-1", "X-LAW", "法律", LATER),
                new SpecialtyServiceAdded("st-1", "X-TEA", "茶艺", LATEST),
                new SpecialtyServiceRetired("st-1", "X-LAW", "法律", "无人", LATEST));

        assertThat(station.specialties()).containsExactly(new Specialty("X-ART", "书画", LATER),
                new Specialty("X-TEA", "茶艺", LATEST));
    }

    @Test
    void theStatusIsTheLastOneGivenWithItsReasonAndTime() {
        StationState suspended = fold(OPENING, new StationSuspended("st-1", "装修", LATER));
        StationState reopened = fold(OPENING, new StationSuspended("st-1", "装修", LATER),
                new StationReopened("st-1", "装修完毕", LATEST));
        StationState closed = fold(OPENING, new StationClosed("st-1", "撤并", LATEST));

        assertThat(suspended.status()).isEqualTo(StationStatus.SUSPENDED);
        assertThat(suspended.statusReason()).isEqualTo("装修");
        assertThat(suspended.statusSince()).isEqualTo(LATER);
        assertThat(reopened.status()).isEqualTo(StationStatus.OPEN);
        assertThat(reopened.statusReason()).isEqualTo("装修完毕");
        assertThat(reopened.statusSince()).isEqualTo(LATEST);
        assertThat(closed.status()).isEqualTo(StationStatus.CLOSED);
        assertThat(closed.statusChangedAt()).isEqualTo(LATEST);
        assertThat(closed.activePoints()).containsExactly(EMOTIONAL, HAPPINESS);
    }

    private static StationState fold(StationEvent... events) {
        StationState station = null;
        for (StationEvent event : events) {
            station = StationFold.evolve(station, event);
        }
        return station;
    }
}
