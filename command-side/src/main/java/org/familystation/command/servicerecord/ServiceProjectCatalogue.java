package org.familystation.command.servicerecord;

import org.familystation.command.catalogue.CatalogueDefaults;
import org.familystation.command.catalogue.CatalogueRegistry;
import org.familystation.events.common.CatalogueKind;
import org.familystation.events.common.StationPoint;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Function;

/**
 * The service projects (服务项目) a service can be recorded under, each belonging to one station point: the
 * active entries of the SERVICE_PROJECT catalogue.
 */
@Component
public class ServiceProjectCatalogue {

    public record ServiceProject(String code, String name, StationPoint stationPoint) {
    }

    private final Function<String, Optional<ServiceProject>> lookup;

    /** The catalogue as recorded: entries added and not retired. */
    @Autowired
    public ServiceProjectCatalogue(CatalogueRegistry catalogue) {
        this.lookup = code -> catalogue.find(CatalogueKind.SERVICE_PROJECT, code)
                .filter(entry -> !entry.retired())
                .map(entry -> new ServiceProject(entry.code(), entry.name(), entry.stationPoint()));
    }

    /** The default projects only, for tests of rules that do not depend on the catalogue's history. */
    public ServiceProjectCatalogue() {
        this.lookup = code -> CatalogueDefaults.ENTRIES.stream()
                .filter(entry -> entry.kind() == CatalogueKind.SERVICE_PROJECT && entry.code().equals(code))
                .findFirst()
                .map(entry -> new ServiceProject(entry.code(), entry.name(), entry.stationPoint()));
    }

    public Optional<ServiceProject> find(String code) {
        return code == null ? Optional.empty() : lookup.apply(code.strip());
    }
}
