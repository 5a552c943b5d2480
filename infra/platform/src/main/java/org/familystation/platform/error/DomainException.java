package org.familystation.platform.error;

import org.axonframework.common.AxonNonTransientException;

import java.util.Locale;
import java.util.Optional;

/**
 * A request refused for a reason the user can act on. Non-transient, so Axon's retry scheduler does not retry it.
 */
public class DomainException extends AxonNonTransientException {

    private final Refusal refusal;
    private final String field;
    private final String userMessage;
    private final String userMessageEn;

    private DomainException(Refusal refusal, String field, Object... arguments) {
        super(refusal.code() + ": " + String.format(Locale.ROOT, refusal.messageEn(), arguments));
        this.refusal = refusal;
        this.field = field;
        this.userMessage = String.format(Locale.ROOT, refusal.message(), arguments);
        this.userMessageEn = String.format(Locale.ROOT, refusal.messageEn(), arguments);
    }

    public static DomainException refuse(Refusal refusal, Object... arguments) {
        return new DomainException(refusal, null, arguments);
    }

    /** A refusal about one input field, named as the client sent it (for example {@code stationName}). */
    public static DomainException refuseField(Refusal refusal, String field, Object... arguments) {
        return new DomainException(refusal, field, arguments);
    }

    public Refusal refusal() {
        return refusal;
    }

    public String code() {
        return refusal.code();
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** The message for users (Chinese). */
    public String userMessage() {
        return userMessage;
    }

    public String userMessageEn() {
        return userMessageEn;
    }
}
