package org.familystation.events.people;

/** Everything that can happen to a volunteer (巾帼志愿者): registered, then hours recorded against services. */
public sealed interface VolunteerEvent permits VolunteerRegistered, VolunteerHoursRecorded {

    String volunteerId();
}
