package org.familystation.platform.error;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A reason to refuse a request: a stable code that clients can rely on, what kind of refusal it is (which decides
 * the HTTP status), and a message in the user's terms. Each feature lists its refusals as constants in one place,
 * so that every rule has a name. Messages may contain {@code %s} placeholders filled from the exception's
 * arguments.
 *
 * @param code      stable, upper snake case, for example {@code STATION_NOT_OPEN}
 * @param message   what users read (Chinese)
 * @param messageEn the same in English, for logs, developers and non-Chinese readers
 */
public record Refusal(String code, RefusalKind kind, String message, String messageEn) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    public Refusal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(messageEn, "messageEn");
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a refusal code is upper snake case: " + code);
        }
    }

    public static Refusal invalidInput(String code, String message, String messageEn) {
        return new Refusal(code, RefusalKind.INVALID_INPUT, message, messageEn);
    }

    public static Refusal forbidden(String code, String message, String messageEn) {
        return new Refusal(code, RefusalKind.FORBIDDEN, message, messageEn);
    }

    public static Refusal notFound(String code, String message, String messageEn) {
        return new Refusal(code, RefusalKind.NOT_FOUND, message, messageEn);
    }

    public static Refusal conflict(String code, String message, String messageEn) {
        return new Refusal(code, RefusalKind.CONFLICT, message, messageEn);
    }

    public static Refusal ruleViolated(String code, String message, String messageEn) {
        return new Refusal(code, RefusalKind.RULE_VIOLATED, message, messageEn);
    }
}
