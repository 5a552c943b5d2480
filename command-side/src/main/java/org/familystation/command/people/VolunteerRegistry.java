package org.familystation.command.people;

/** What the command side knows about volunteers when deciding: which volunteer numbers are taken. */
public interface VolunteerRegistry {

    boolean numberTaken(String volunteerNumber);
}
