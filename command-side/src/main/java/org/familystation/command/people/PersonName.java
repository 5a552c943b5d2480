package org.familystation.command.people;

import org.familystation.command.common.Rules;

/** A person's name as given (social worker, federation staff, volunteer): not blank, at most {@value #MAX}, trimmed. */
public record PersonName(String value) {

    public static final int MAX = 50;

    public PersonName {
        value = Rules.requiredText(value, MAX, PeopleRefusals.NAME_INVALID, "name");
    }
}
