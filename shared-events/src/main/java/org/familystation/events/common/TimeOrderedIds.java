package org.familystation.events.common;

import org.axonframework.common.IdentifierFactory;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Identifiers that sort by the time they were made: UUID version 7 (RFC 9562), 48 bits of Unix milliseconds and then
 * 74 random bits. Every event's identifier (Axon finds this factory through {@code META-INF/services}) and every new
 * entity's id the system chooses are made here, so the event store's unique indexes on event and aggregate
 * identifiers grow at their right edge, as the global index does, instead of at a random page each: with random
 * (version 4) identifiers, appending to a store of ten million events ran at half the rate of appending to an empty
 * one (BENCHMARKS.md, "Ten million events"). Ids chosen by clients are kept as they come.
 */
public final class TimeOrderedIds extends IdentifierFactory {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** For {@link java.util.ServiceLoader} (Axon's {@link IdentifierFactory#getInstance()}). */
    public TimeOrderedIds() {
    }

    /** A new identifier, as text. */
    public static String next() {
        return nextUuid(System.currentTimeMillis()).toString();
    }

    /** A new identifier made at {@code unixMillis}. */
    public static UUID nextUuid(long unixMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long randA = ((random[0] & 0xFFL) << 4 | (random[1] & 0xF0L) >>> 4);
        long randB = 0;
        for (int i = 2; i < 10; i++) {
            randB = randB << 8 | (random[i] & 0xFFL);
        }
        long mostSignificant = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | randA;
        long leastSignificant = 0x8000_0000_0000_0000L | (randB & 0x3FFF_FFFF_FFFF_FFFFL);
        return new UUID(mostSignificant, leastSignificant);
    }

    @Override
    public String generateIdentifier() {
        return next();
    }
}
