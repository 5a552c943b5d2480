package org.familystation.command.common;

import org.familystation.platform.error.DomainException;
import org.familystation.platform.error.Refusal;

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
