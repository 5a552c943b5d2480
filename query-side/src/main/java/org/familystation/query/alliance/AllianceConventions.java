package org.familystation.query.alliance;

import org.familystation.events.common.Alliance;

import java.util.List;

/** An alliance's convention: the current version, and every version published, newest first. */
public record AllianceConventions(
        Alliance alliance,
        String allianceLabel,
        String currentVersion,
        List<ConventionVersion> versions) {
}
