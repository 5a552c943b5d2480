package org.familystation.command.catalogue;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.familystation.command.common.FixedClock;
import org.familystation.command.common.Refused;
import org.familystation.events.catalogue.CatalogueEntryAdded;
import org.familystation.events.catalogue.CatalogueEntryRetired;
import org.familystation.events.common.CatalogueKind;
import org.familystation.events.common.StationPoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.familystation.command.catalogue.CatalogueRefusals.*;
import static org.familystation.command.common.Refused.assertRefused;

class CatalogueEntryTest {

    private AggregateTestFixture<CatalogueEntry> fixture;
    private InMemoryCatalogueRegistry catalogue;

    private static final CatalogueEntryAdded ADDED = new CatalogueEntryAdded(CatalogueKind.SERVICE_PROJECT,
            "ELDERLY_MEALS", "老年助餐", StationPoint.CONVENIENCE, FixedClock.NOW);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CatalogueEntry.class);
        catalogue = new InMemoryCatalogueRegistry();
        fixture.registerInjectableResource(catalogue);
        fixture.registerInjectableResource(FixedClock.CLOCK);
    }

    @Test
    void addsAServiceProjectUnderItsStationPoint() {
        fixture.givenNoPriorActivity()
                .when(AddCatalogueEntry.read("SERVICE_PROJECT", "ELDERLY_MEALS", "老年助餐", "CONVENIENCE"))
                .expectEvents(ADDED);
    }

    @Test
    void addsANeedCategoryWithoutAStationPoint() {
        fixture.givenNoPriorActivity()
                .when(AddCatalogueEntry.read("NEED_CATEGORY", "CHILD_CARE", "托育服务", null))
                .expectEvents(new CatalogueEntryAdded(CatalogueKind.NEED_CATEGORY, "CHILD_CARE", "托育服务", null,
                        FixedClock.NOW));
    }

    @Test
    void refusesAServiceProjectWithoutAStationPoint() {
        assertRefused(STATION_POINT_REQUIRED, "stationPoint",
                () -> AddCatalogueEntry.read("SERVICE_PROJECT", "ELDERLY_MEALS", "老年助餐", null));
        assertRefused(STATION_POINT_REQUIRED, "stationPoint",
                () -> AddCatalogueEntry.read("SERVICE_PROJECT", "ELDERLY_MEALS", "老年助餐", "KITCHEN"));
    }

    @Test
    void refusesAnUnknownCatalogue() {
        assertRefused(CATALOGUE_UNKNOWN, "kind", () -> AddCatalogueEntry.read("RECIPES", "DUMPLINGS", "饺子", null));
    }

    @Test
    void refusesAMalformedCode() {
        assertRefused(ENTRY_CODE_INVALID, "code",
                () -> AddCatalogueEntry.read("NEED_CATEGORY", "child care", "托育服务", null));
    }

    @Test
    void refusesABlankName() {
        assertRefused(ENTRY_NAME_INVALID, "name",
                () -> AddCatalogueEntry.read("NEED_CATEGORY", "CHILD_CARE", "", null));
    }

    @Test
    void refusesACodeUsedBeforeEvenIfRetired() {
        catalogue.with(CatalogueKind.SERVICE_PROJECT, "ELDERLY_MEALS", "老年助餐", StationPoint.CONVENIENCE, true);
        fixture.givenNoPriorActivity()
                .when(AddCatalogueEntry.read("SERVICE_PROJECT", "ELDERLY_MEALS", "老年食堂", "CONVENIENCE"))
                .expectException(Refused.with(ENTRY_CODE_TAKEN, "code"))
                .expectNoEvents();
    }

    @Test
    void retiresWithAReasonKeepingTheName() {
        fixture.given(ADDED)
                .when(RetireCatalogueEntry.read("SERVICE_PROJECT", "ELDERLY_MEALS", "并入空巢老人关爱"))
                .expectEvents(new CatalogueEntryRetired(CatalogueKind.SERVICE_PROJECT, "ELDERLY_MEALS", "老年助餐",
                        "并入空巢老人关爱", FixedClock.NOW));
    }

    @Test
    void refusesRetiringTwice() {
        fixture.given(ADDED, new CatalogueEntryRetired(CatalogueKind.SERVICE_PROJECT, "ELDERLY_MEALS", "老年助餐",
                        "并入", FixedClock.NOW))
                .when(RetireCatalogueEntry.read("SERVICE_PROJECT", "ELDERLY_MEALS", "再次"))
                .expectException(Refused.with(ENTRY_ALREADY_RETIRED))
                .expectNoEvents();
    }

    @Test
    void refusesRetiringWithoutAReason() {
        assertRefused(REASON_REQUIRED, "reason",
                () -> RetireCatalogueEntry.read("SERVICE_PROJECT", "ELDERLY_MEALS", " "));
    }
}
