package org.familystation.query.alliance;

import java.time.Instant;

/**
 * One published version of an alliance's convention.
 *
 * @param gracePeriod    how long admitted members had to sign it (ISO-8601, such as {@code P30D})
 * @param signatureDueBy when members that had not signed it were (or will be) suspended
 */
public record ConventionVersion(
        String conventionVersion,
        String summary,
        String supersededVersion,
        Instant publishedAt,
        String gracePeriod,
        Instant signatureDueBy,
        boolean current) {
}
