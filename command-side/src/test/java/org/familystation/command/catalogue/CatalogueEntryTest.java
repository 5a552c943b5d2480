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
                .when(new AddCatalogueEntry("SERVICE_PROJECT", "ELDERLY_MEALS", "老年助餐", "CONVENIENCE"))
                .expectEvents(ADDED);
    }

    @Test
    void addsANeedCategoryWithoutAStationPoint() {
        fixture.givenNoPriorActivity()
                .when(new AddCatalogueEntry("NEED_CATEGORY", "CHILD_CARE", "托育服务", null))
                .expectEvents(new CatalogueEntryAdded(CatalogueKind.NEED_CATEGORY, "CHILD_CARE", "托育服务", null,
                        FixedClock.NOW));
    }

    @Test
    void refusesAServiceProjectWithoutAStationPoint() {
        fixture.givenNoPriorActivity()
                .when(new AddCatalogueEntry("SERVICE_PROJECT", "ELDERLY_MEALS", "老年助餐", null))
                .expectException(Refused.with(STATION_POINT_REQUIRED, "stationPoint"))
                .expectNoEvents();
    }

    @Test
    void refusesAnUnknownCatalogue() {
        fixture.givenNoPriorActivity()
                .when(new AddCatalogueEntry("RECIPES", "DUMPLINGS", "饺子", null))
                .expectException(Refused.with(CATALOGUE_UNKNOWN, "kind"))
                .expectNoEvents();
    }

    @Test
    void refusesAMalformedCode() {
        fixture.givenNoPriorActivity()
                .when(new AddCatalogueEntry("NEED_CATEGORY", "child care", "托育服务", null))
                .expectException(Refused.with(ENTRY_CODE_INVALID, "code"))
                .expectNoEvents();
    }

    @Test
    void refusesABlankName() {
        fixture.givenNoPriorActivity()
                .when(new AddCatalogueEntry("NEED_CATEGORY", "CHILD_CARE", "", null))
                .expectException(Refused.with(ENTRY_NAME_INVALID, "name"))
                .expectNoEvents();
    }

    @Test
    void refusesACodeUsedBeforeEvenIfRetired() {
        catalogue.with(CatalogueKind.SERVICE_PROJECT, "ELDERLY_MEALS", "老年助餐", StationPoint.CONVENIENCE, true);
        fixture.givenNoPriorActivity()
                .when(new AddCatalogueEntry("SERVICE_PROJECT", "ELDERLY_MEALS", "老年食堂", "CONVENIENCE"))
                .expectException(Refused.with(ENTRY_CODE_TAKEN, "code"))
                .expectNoEvents();
    }

    @Test
    void retiresWithAReasonKeepingTheName() {
        fixture.given(ADDED)
                .when(new RetireCatalogueEntry("SERVICE_PROJECT", "ELDERLY_MEALS", "并入空巢老人关爱"))
                .expectEvents(new CatalogueEntryRetired(CatalogueKind.SERVICE_PROJECT, "ELDERLY_MEALS", "老年助餐",
                        "并入空巢老人关爱", FixedClock.NOW));
    }

    @Test
    void refusesRetiringTwice() {
        fixture.given(ADDED, new CatalogueEntryRetired(CatalogueKind.SERVICE_PROJECT, "ELDERLY_MEALS", "老年助餐",
                        "并入", FixedClock.NOW))
                .when(new RetireCatalogueEntry("SERVICE_PROJECT", "ELDERLY_MEALS", "再次"))
                .expectException(Refused.with(ENTRY_ALREADY_RETIRED))
                .expectNoEvents();
    }

    @Test
    void refusesRetiringWithoutAReason() {
        fixture.given(ADDED)
                .when(new RetireCatalogueEntry("SERVICE_PROJECT", "ELDERLY_MEALS", " "))
                .expectException(Refused.with(REASON_REQUIRED, "reason"))
                .expectNoEvents();
    }
}
