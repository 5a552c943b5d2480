package org.familystation.events.common;

/** One volunteer's time on a service they helped deliver, in whole minutes. */
public record VolunteerTime(String volunteerId, int minutes) {
}
