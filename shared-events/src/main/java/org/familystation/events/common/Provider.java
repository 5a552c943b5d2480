package org.familystation.events.common;

import java.util.List;

/**
 * Who delivered a service. {@code memberId} is set only for {@link ProviderKind#ALLIANCE_MEMBER}, with the member's
 * organisation name at the time in {@code name}. The people who delivered it are named by their registered ids
 * (several allowed, never null; empty when none): social workers, federation staff, and volunteers with the minutes
 * each gave. For a service recorded before people were named (revision 1 of the service-record events), the lists
 * are empty and {@code name} keeps the free text that was typed then, as a legacy display name; a service naming its
 * people has no {@code name} unless it is an alliance member's.
 */
public record Provider(ProviderKind kind, String memberId, String name, List<String> socialWorkerIds,
                       List<String> staffIds, List<VolunteerTime> volunteers) {

    public Provider {
        socialWorkerIds = socialWorkerIds == null ? List.of() : List.copyOf(socialWorkerIds);
        staffIds = staffIds == null ? List.of() : List.copyOf(staffIds);
        volunteers = volunteers == null ? List.of() : List.copyOf(volunteers);
    }

    /** An alliance member delivered it, without named people. */
    public static Provider member(String memberId, String organisationName) {
        return new Provider(ProviderKind.ALLIANCE_MEMBER, memberId, organisationName, List.of(), List.of(), List.of());
    }

    /**
     * What lists and search show as the provider: the member's or the legacy name, else the kind's label (the
     * people themselves are named by id, and their names are personal data kept with their own records).
     */
    public String displayName() {
        return name != null ? name : kind.label();
    }

    /** The total minutes the named volunteers gave. */
    public int volunteerMinutes() {
        return volunteers.stream().mapToInt(VolunteerTime::minutes).sum();
    }
}
