package org.familystation.command.people;

import org.familystation.platform.error.DomainException;

import java.util.Locale;
import java.util.regex.Pattern;

import static org.familystation.command.people.PeopleRefusals.VOLUNTEER_NUMBER_INVALID;

/** A volunteer number: 3 to 30 letters, digits or hyphens, starting with a letter or digit, kept in upper case. */
public record VolunteerNumber(String value) {

    private static final Pattern NUMBER = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,29}");

    public VolunteerNumber {
        String normalised = value == null ? null : value.strip().toUpperCase(Locale.ROOT);
        if (normalised == null || !NUMBER.matcher(normalised).matches()) {
            throw DomainException.refuseField(VOLUNTEER_NUMBER_INVALID, "volunteerNumber", value);
        }
        value = normalised;
    }
}
