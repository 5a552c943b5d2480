package org.familystation.command.common;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The one instant every fixture test runs at. */
public final class FixedClock {

    public static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private FixedClock() {
    }
}
