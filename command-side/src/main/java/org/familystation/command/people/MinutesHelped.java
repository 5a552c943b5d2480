package org.familystation.command.people;

import org.familystation.platform.error.DomainException;

import static org.familystation.command.people.PeopleRefusals.MINUTES_INVALID;

/** The whole minutes a volunteer spent helping with one service: from one to a day. */
public record MinutesHelped(int value) {

    public MinutesHelped {
        if (value < 1 || value > PeopleRegistry.MAX_VOLUNTEER_MINUTES) {
            throw DomainException.refuseField(MINUTES_INVALID, "minutes", PeopleRegistry.MAX_VOLUNTEER_MINUTES, value);
        }
    }

    /** The minutes as sent; missing ones are refused like wrong ones. */
    public static MinutesHelped of(Integer sent) {
        if (sent == null) {
            throw DomainException.refuseField(MINUTES_INVALID, "minutes", PeopleRegistry.MAX_VOLUNTEER_MINUTES, null);
        }
        return new MinutesHelped(sent);
    }
}
