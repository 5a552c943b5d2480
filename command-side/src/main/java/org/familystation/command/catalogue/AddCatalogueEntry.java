package org.familystation.command.catalogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.Rules;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;
import org.familystation.events.common.CatalogueKind;
import org.familystation.events.common.StationPoint;
import org.familystation.platform.error.DomainException;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Add an entry to a catalogue, as read from what was sent by {@link #read}. A service project names the station
 * point it belongs to. The entry's identity is its kind and code, so a code is used once per catalogue, for good.
 *
 * @param code         capital letters, digits and underscores, starting with a letter, at most 60
 * @param stationPoint a service project's; null for the other catalogues
 */
public record AddCatalogueEntry(CatalogueKind kind, String code, String name, StationPoint stationPoint)
        implements ScopedCommand {

    static final int MAX_NAME = 50;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,59}");

    public AddCatalogueEntry {
        Objects.requireNonNull(kind, "kind");
        if (code == null || !CODE.matcher(code).matches()) {
            throw DomainException.refuseField(CatalogueRefusals.ENTRY_CODE_INVALID, "code", code);
        }
        name = Rules.requiredText(name, MAX_NAME, CatalogueRefusals.ENTRY_NAME_INVALID, "name");
        if (kind != CatalogueKind.SERVICE_PROJECT) {
            stationPoint = null;
        } else if (stationPoint == null) {
            throw DomainException.refuseField(CatalogueRefusals.STATION_POINT_REQUIRED, "stationPoint",
                    (Object) null);
        }
    }

    /**
     * The command from what a client sent.
     *
     * @param kind         SERVICE_PROJECT, NEED_CATEGORY or SPECIALTY_SERVICE
     * @param stationPoint a service project's station point; ignored for the other catalogues
     */
    public static AddCatalogueEntry read(String kind, String code, String name, String stationPoint) {
        CatalogueKind read = Rules.oneOf(CatalogueKind.class, kind, CatalogueRefusals.CATALOGUE_UNKNOWN, "kind");
        return new AddCatalogueEntry(read, code, name, read == CatalogueKind.SERVICE_PROJECT
                ? Rules.oneOf(StationPoint.class, stationPoint, CatalogueRefusals.STATION_POINT_REQUIRED,
                "stationPoint") : null);
    }

    @Override
    public Place actsAt() {
        return Place.network();
    }

    @TargetAggregateIdentifier
    public String entryId() {
        return CatalogueEntry.id(kind.name(), code);
    }
}
