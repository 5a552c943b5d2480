package org.familystation.events.account;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.CityCentre;
import org.familystation.events.common.UnitLevel;

import java.time.Instant;
import java.util.Set;

/** An administrator changed what an account may do: its unit (name and level at the time), roles and centre. */
@Revision("1")
public record AccountAccessChanged(
        String accountId,
        String username,
        String unitId,
        String unitName,
        UnitLevel unitLevel,
        Set<String> roles,
        CityCentre centre,
        Instant changedAt) implements AccountEvent {
}
