package org.familystation.command.common;

import org.familystation.platform.error.DomainException;
import org.familystation.platform.error.Refusal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Checks shared by every feature's rules; each refuses with the refusal the caller names. */
public final class Rules {

    private Rules() {
    }

    /** Text that must be there: trimmed, not blank, at most {@code maxLength} characters. */
    public static String requiredText(String value, int maxLength, Refusal refusal, String field) {
        if (value == null || value.isBlank() || value.strip().length() > maxLength) {
            throw DomainException.refuseField(refusal, field, maxLength);
        }
        return value.strip();
    }

    /** Text that may be absent (null when blank), at most {@code maxLength} characters. */
    public static String optionalText(String value, int maxLength, Refusal refusal, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > maxLength) {
            throw DomainException.refuseField(refusal, field, maxLength);
        }
        return value.strip();
    }

    /**
     * How far ahead of our clock a reported time may be and still not count as "in the future": the clocks of the
     * devices people record with are not exact.
     */
    public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    /** A time that must be given and must not lie in the future (beyond {@link #CLOCK_TOLERANCE}). */
    public static Instant notInFuture(Instant time, Clock clock, Refusal required, Refusal inFuture, String field) {
        if (time == null) {
            throw DomainException.refuseField(required, field);
        }
        if (time.isAfter(clock.instant().plus(CLOCK_TOLERANCE))) {
            throw DomainException.refuseField(inFuture, field, time);
        }
        return time;
    }

    /**
     * When something happened in the world, as the user says (business time, docs/design/business-dates.md): now
     * when not given, never in the future. The network's first day is checked where the JSON is read.
     */
    public static Instant happenedAt(Instant time, Clock clock, String field) {
        if (time == null) {
            return clock.instant();
        }
        if (time.isAfter(clock.instant().plus(CLOCK_TOLERANCE))) {
            throw DomainException.refuseField(CommonRefusals.HAPPENED_IN_FUTURE, field, time);
        }
        return time;
    }

    /** The enum constant with that name, or a refusal naming the field. */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String value, Refusal refusal, String field) {
        return parse(type, value).orElseThrow(() -> DomainException.refuseField(refusal, field, value));
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.strip()));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** A new entity's id: a UUID in its canonical lower-case form. */
    public static String uuid(String value, Refusal refusal, String field) {
        try {
            if (value != null && UUID.fromString(value).toString().equals(value)) {
                return value;
            }
        } catch (IllegalArgumentException notUuid) {
            // refused below
        }
        throw DomainException.refuseField(refusal, field, value);
    }
}
