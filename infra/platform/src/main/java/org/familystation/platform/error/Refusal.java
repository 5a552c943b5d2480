package org.familystation.platform.error;

/**
 * A reason to refuse a request, with a stable code that clients can rely on and a message in the user's terms.
 * Each feature lists its refusals in one enum implementing this interface, so that every rule has a name.
 */
public interface Refusal {

    /** The stable code, for example {@code STATION_NOT_OPEN}; the enum constant's name. */
    String name();

    RefusalKind kind();

    /** What users read (Chinese). May contain {@code %s} placeholders filled from the exception's arguments. */
    String message();

    /** The same in English, for logs, developers and non-Chinese readers. */
    String messageEn();
}
