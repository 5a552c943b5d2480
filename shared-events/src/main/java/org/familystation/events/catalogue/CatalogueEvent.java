package org.familystation.events.catalogue;

import org.familystation.events.common.CatalogueKind;

/** Everything that can happen to an entry of a catalogue (service projects, need categories, specialty services). */
public sealed interface CatalogueEvent permits CatalogueEntryAdded, CatalogueEntryRetired {

    CatalogueKind kind();

    String code();
}
