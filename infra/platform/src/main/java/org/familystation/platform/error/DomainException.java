package org.familystation.platform.error;

import org.axonframework.common.AxonNonTransientException;

import java.util.Locale;
import java.util.Optional;

/**
 * A request refused for a reason the user can act on. Non-transient, so Axon's retry scheduler does not retry it.
 */
public class DomainException extends AxonNonTransientException {

    private final transient Refusal refusal;
    private final String field;
    private final String userMessage;

    private DomainException(Refusal refusal, String field, Object... arguments) {
        super(refusal.name() + ": " + String.format(Locale.ROOT, refusal.messageEn(), arguments));
        this.refusal = refusal;
        this.field = field;
        this.userMessage = String.format(Locale.ROOT, refusal.message(), arguments);
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
        return refusal.name();
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    public String userMessage() {
        return userMessage;
    }
}
