package org.familystation.query.referral;

import java.time.Instant;
import java.util.List;

/** One reading of a referral's case in full: who (with their unit and roles), when, in which request. */
public record CaseRead(String referralId, String username, String unitId, List<String> roles, Instant readAt,
                       String correlationId) {
}
