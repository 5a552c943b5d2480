package org.familystation.events.alliance;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.Alliance;

import java.time.Duration;
import java.time.Instant;

/**
 * An alliance published a version of its convention (联盟公约), which is now the current one: admission requires it,
 * and every admitted member that has not signed it owes a signature by {@code signatureDueBy} (published at + grace
 * period), or is suspended.
 *
 * @param supersededVersion the version that was current until now, or null for the alliance's first version
 */
@Revision("1")
public record AllianceConventionPublished(
        Alliance alliance,
        String conventionVersion,
        String summary,
        String supersededVersion,
        Instant publishedAt,
        Duration gracePeriod,
        Instant signatureDueBy) implements AllianceConventionEvent {
}
