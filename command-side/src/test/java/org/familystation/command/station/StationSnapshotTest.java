package org.familystation.command.station;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.familystation.command.catalogue.InMemoryCatalogueRegistry;
import org.familystation.command.common.FixedClock;
import org.familystation.command.common.Refused;
import org.familystation.command.network.InMemoryUnitRegistry;
import org.familystation.command.snapshot.SnapshotReplay;
import org.familystation.events.common.CatalogueKind;
import org.familystation.events.common.HomeTier;
import org.familystation.events.common.StationPoint;
import org.familystation.events.station.SpecialtyServiceAdded;
import org.familystation.events.station.SpecialtyServiceRetired;
import org.familystation.events.station.StationOpened;
import org.familystation.events.station.StationPointActivated;
import org.familystation.events.station.StationPointDeactivated;
import org.familystation.events.station.StationReopened;
import org.familystation.events.station.StationSuspended;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familystation.command.station.StationRefusals.STATION_NOT_OPEN;
import static org.familystation.command.station.StationRefusals.STATION_POINT_ALREADY_ACTIVE;
import static org.familystation.command.station.StationRefusals.SPECIALTY_NOT_OFFERED;

/**
 * A busy station read from a snapshot plus the events after it is the station read from its whole stream: the same
 * fields, and the same decisions on the next commands. The snapshot goes through the serializer snapshots are
 * stored with, so a field it would lose shows here.
 */
class StationSnapshotTest {

    private static final String STATION = "7b0c3f0e-2d4e-4a53-9a59-0a4c2f6f1a01";
    private static final StationOpened OPENED = new StationOpened(STATION, "home", "梅园新村妇女儿童之家", "梅园新村家庭驿站",
            "玄武区", HomeTier.PROVINCIAL_DEMONSTRATION, List.of(StationPoint.values()), FixedClock.NOW);

    /**
     * 154 events: points, specialties and suspensions come and go; at the end HAPPINESS is off, one specialty is
     * offered, and the station is suspended.
     */
    private static List<Object> busyHistory() {
        List<Object> history = new ArrayList<>(List.of(OPENED));
        for (int i = 0; i < 25; i++) {
            history.add(new StationPointDeactivated(STATION, StationPoint.HAPPINESS, "场地维修", FixedClock.NOW));
            history.add(new StationPointActivated(STATION, StationPoint.HAPPINESS, "维修完成", FixedClock.NOW));
            history.add(new SpecialtyServiceAdded(STATION, "CRAFT_" + i, "传统手工" + i, FixedClock.NOW));
            history.add(new SpecialtyServiceRetired(STATION, "CRAFT_" + i, "传统手工" + i, "季节结束", FixedClock.NOW));
            history.add(new StationSuspended(STATION, "疫情防控", FixedClock.NOW));
            history.add(new StationReopened(STATION, "恢复开放", FixedClock.NOW));
        }
        history.add(new SpecialtyServiceAdded(STATION, "ELDERLY_MEALS", "老年助餐", FixedClock.NOW));
        history.add(new StationPointDeactivated(STATION, StationPoint.HAPPINESS, "场地维修", FixedClock.NOW));
        history.add(new StationSuspended(STATION, "整改", FixedClock.NOW));
        return history;
    }

    /** A command after the history, and what the station decides. */
    private record Next(Object command, Consumer<ResultValidator<Station>> expected) {
    }

    private static final List<Next> NEXT_COMMANDS = List.of(
            new Next(ActivateStationPoint.read(STATION, "HAPPINESS", "维修完成", null, FixedClock.CLOCK),
                    result -> result.expectEvents(
                            new StationPointActivated(STATION, StationPoint.HAPPINESS, "维修完成", FixedClock.NOW))),
            new Next(ActivateStationPoint.read(STATION, "CULTURE", "重复", null, FixedClock.CLOCK),
                    result -> result.expectException(Refused.with(STATION_POINT_ALREADY_ACTIVE, "point"))),
            new Next(RetireSpecialtyService.read(STATION, "ELDERLY_MEALS", "停办", null, FixedClock.CLOCK),
                    result -> result.expectEvents(
                            new SpecialtyServiceRetired(STATION, "ELDERLY_MEALS", "老年助餐", "停办", FixedClock.NOW))),
            new Next(RetireSpecialtyService.read(STATION, "CRAFT_3", "停办", null, FixedClock.CLOCK),
                    result -> result.expectException(Refused.with(SPECIALTY_NOT_OFFERED, "specialtyCode"))),
            new Next(SuspendStation.read(STATION, "再次暂停", null, FixedClock.CLOCK),
                    result -> result.expectException(Refused.with(STATION_NOT_OPEN))),
            new Next(ReopenStation.read(STATION, "整改完成", null, FixedClock.CLOCK),
                    result -> result.expectEvents(new StationReopened(STATION, "整改完成", FixedClock.NOW))));

    @ParameterizedTest(name = "snapshot after {0} events")
    @ValueSource(ints = {1, 2, 50, 100, 152, 153})
    void aSnapshotPlusTheLaterEventsIsTheWholeStream(int eventsBefore) {
        List<Object> history = busyHistory();
        Station whole = SnapshotReplay.fromEvents(Station.class, history);
        Station fromSnapshot = SnapshotReplay.fromSnapshot(Station.class, history, eventsBefore);

        assertThat(fromSnapshot).usingRecursiveComparison().isEqualTo(whole);
        assertThat(whole).extracting("status").isEqualTo(StationStatus.SUSPENDED);

        for (Next next : NEXT_COMMANDS) {
            next.expected().accept(fixture().given(history).when(next.command()));
            next.expected().accept(fixture()
                    .givenState(() -> SnapshotReplay.fromSnapshot(Station.class, history, eventsBefore))
                    .when(next.command()));
        }
    }

    @Test
    void theSnapshotIsStoredWithTheStationsRevisionAndFields() {
        SerializedObject<byte[]> snapshot = SnapshotReplay.snapshot(
                SnapshotReplay.fromEvents(Station.class, busyHistory()));

        assertThat(snapshot.getType().getName()).isEqualTo(Station.class.getName());
        assertThat(snapshot.getType().getRevision()).isEqualTo("2");
        assertThat(new String(snapshot.getData(), StandardCharsets.UTF_8))
                .contains("\"stationId\":\"" + STATION + "\"", "\"status\":\"SUSPENDED\"", "老年助餐", "CULTURE")
                .doesNotContain("HAPPINESS", "CRAFT_");
    }

    private static AggregateTestFixture<Station> fixture() {
        AggregateTestFixture<Station> fixture = new AggregateTestFixture<>(Station.class);
        fixture.registerInjectableResource(new InMemoryStationRegistry());
        fixture.registerInjectableResource(new InMemoryUnitRegistry());
        fixture.registerInjectableResource(new InMemoryCatalogueRegistry()
                .with(CatalogueKind.SPECIALTY_SERVICE, "ELDERLY_MEALS", "老年助餐", null, false));
        fixture.registerInjectableResource(FixedClock.CLOCK);
        return fixture;
    }
}
