package org.familystation.command.people;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A people registry for fixture tests: social workers with their station, staff with the stations they serve. */
public class InMemoryPeopleRegistry implements PeopleRegistry {

    private final Map<String, String> socialWorkerStations = new HashMap<>();
    private final Map<String, Set<String>> staffStations = new HashMap<>();
    private final Set<String> volunteers = new HashSet<>();

    /** A social worker assigned to the station, or not assigned when it is null. */
    public InMemoryPeopleRegistry assigned(String socialWorkerId, String stationId) {
        socialWorkerStations.put(socialWorkerId, stationId);
        return this;
    }

    public InMemoryPeopleRegistry staffServing(String staffId, String... servedStations) {
        staffStations.put(staffId, Set.of(servedStations));
        return this;
    }

    public InMemoryPeopleRegistry registered(String volunteerId) {
        volunteers.add(volunteerId);
        return this;
    }

    @Override
    public Optional<SocialWorkerPost> socialWorker(String socialWorkerId) {
        return socialWorkerStations.containsKey(socialWorkerId)
                ? Optional.of(new SocialWorkerPost(socialWorkerId, socialWorkerStations.get(socialWorkerId)))
                : Optional.empty();
    }

    @Override
    public Optional<StaffPost> staff(String staffId, String stationId) {
        return Optional.ofNullable(staffStations.get(staffId))
                .map(stations -> new StaffPost(staffId, stations.contains(stationId)));
    }

    @Override
    public boolean volunteerRegistered(String volunteerId) {
        return volunteers.contains(volunteerId);
    }
}
