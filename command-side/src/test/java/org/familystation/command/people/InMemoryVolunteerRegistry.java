package org.familystation.command.people;

import java.util.HashSet;
import java.util.Set;

/** A volunteer registry for fixture tests. */
public class InMemoryVolunteerRegistry implements VolunteerRegistry {

    private final Set<String> numbers = new HashSet<>();

    public InMemoryVolunteerRegistry with(String volunteerNumber) {
        numbers.add(volunteerNumber);
        return this;
    }

    @Override
    public boolean numberTaken(String volunteerNumber) {
        return numbers.contains(volunteerNumber);
    }
}
