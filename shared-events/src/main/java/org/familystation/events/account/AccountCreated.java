package org.familystation.events.account;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.CityCentre;
import org.familystation.events.common.UnitLevel;

import java.time.Instant;
import java.util.Set;

/**
 * An administrator created an account for someone who acts for a unit (its name and level at the time) with these
 * roles ({@code ADMIN}, {@code OPERATOR}, {@code STATION_WORKER}, {@code CENTRE_STAFF}, {@code AUDITOR}); the centre
 * is given for centre staff only. The initial password was set by the administrator, so its holder must change it
 * at first sign-in.
 */
@Revision("1")
public record AccountCreated(
        String accountId,
        String username,
        String displayName,
        String unitId,
        String unitName,
        UnitLevel unitLevel,
        Set<String> roles,
        CityCentre centre,
        String passwordHash,
        Instant createdAt) implements AccountEvent {
}
