package org.familystation.command.people;

import org.familystation.command.common.Rules;
import org.familystation.platform.error.DomainException;

import java.util.regex.Pattern;

/** The checks of a person's name and phone, the same for social workers, federation staff and volunteers. */
final class PersonRules {

    static final int MAX_NAME = 50;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{3,23}[0-9]");

    private PersonRules() {
    }

    static String name(String value) {
        return Rules.requiredText(value, MAX_NAME, PeopleRefusals.NAME_INVALID, "name");
    }

    /** A phone number, or null when none is given. */
    static String phone(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!PHONE.matcher(value.strip()).matches()) {
            throw DomainException.refuseField(PeopleRefusals.PHONE_INVALID, "phone", value);
        }
        return value.strip();
    }
}
