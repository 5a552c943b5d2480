package org.familystation.command.people;

import org.familystation.platform.error.DomainException;

import java.util.regex.Pattern;

/** A person's phone number: digits, with spaces, hyphens and a leading + allowed; trimmed. */
public record Phone(String value) {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{3,23}[0-9]");

    public Phone {
        if (value == null || !PHONE.matcher(value.strip()).matches()) {
            throw DomainException.refuseField(PeopleRefusals.PHONE_INVALID, "phone", value);
        }
        value = value.strip();
    }

    /** The number as sent, or null when none is given (a phone is optional). */
    public static Phone of(String sent) {
        return sent == null || sent.isBlank() ? null : new Phone(sent);
    }

    /** The number of an optional phone, for an event. */
    static String valueOf(Phone phone) {
        return phone == null ? null : phone.value();
    }
}
