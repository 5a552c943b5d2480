package org.familystation.command.catalogue;

import org.familystation.events.common.CatalogueKind;
import org.familystation.events.common.StationPoint;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A catalogue registry for fixture tests. */
public class InMemoryCatalogueRegistry implements CatalogueRegistry {

    private final Map<String, Entry> entries = new HashMap<>();

    public InMemoryCatalogueRegistry with(CatalogueKind kind, String code, String name, StationPoint point,
                                          boolean retired) {
        entries.put(kind + code, new Entry(kind, code, name, point, retired));
        return this;
    }

    @Override
    public Optional<Entry> find(CatalogueKind kind, String code) {
        return Optional.ofNullable(entries.get(kind + code));
    }
}
