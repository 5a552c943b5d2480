package org.familystation.command.alliance;

import org.familystation.events.common.Alliance;

import java.util.Optional;

/** The convention versions each alliance has published, as the command side needs them to decide. */
public interface ConventionRegistry {

    boolean isPublished(Alliance alliance, String conventionVersion);

    /** The latest published version: the one admission and reinstatement require. */
    Optional<String> currentVersion(Alliance alliance);
}
