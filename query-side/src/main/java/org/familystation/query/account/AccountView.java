package org.familystation.query.account;

import org.familystation.events.common.UnitLevel;

import java.time.Instant;
import java.util.List;

/** An account as administrators see it; never its password or hash. */
public record AccountView(
        String accountId,
        String username,
        String displayName,
        String unitId,
        String unitName,
        UnitLevel unitLevel,
        List<String> roles,
        String centre,
        boolean mustChangePassword,
        boolean disabled,
        String disabledReason,
        Instant createdAt,
        Instant changedAt) {
}
