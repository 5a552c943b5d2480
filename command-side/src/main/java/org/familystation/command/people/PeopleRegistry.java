package org.familystation.command.people;

import java.util.Optional;

/**
 * What the command side knows about people when a service record names them: whether each is registered, and where
 * they serve now.
 */
public interface PeopleRegistry {

    /** More than a day on one service is a typing error, not volunteering (the volunteer and the record hold it). */
    int MAX_VOLUNTEER_MINUTES = 24 * 60;

    /** The social worker, with the station they are assigned to now (null when not assigned). */
    Optional<SocialWorkerPost> socialWorker(String socialWorkerId);

    /** The federation staff member, and whether their unit is the station's community home or a unit above it. */
    Optional<StaffPost> staff(String staffId, String stationId);

    boolean volunteerRegistered(String volunteerId);

    record SocialWorkerPost(String socialWorkerId, String stationId) {
    }

    record StaffPost(String staffId, boolean servesAtStation) {
    }
}
