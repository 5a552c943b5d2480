package org.familystation.command.servicerecord;

import org.familystation.command.alliance.MemberRegistry;
import org.familystation.command.alliance.MembershipStatus;
import org.familystation.command.offering.OfferingRegistry;
import org.familystation.command.people.PeopleRegistry;
import org.familystation.command.servicerecord.ServiceProjectCatalogue.ServiceProject;
import org.familystation.command.station.StationRegistry;
import org.familystation.command.station.StationRegistry.StationFacts;
import org.familystation.events.common.Provider;
import org.familystation.events.common.ProviderKind;
import org.familystation.events.common.ServiceDetails;
import org.familystation.events.common.StationPoint;
import org.familystation.events.common.VolunteerTime;
import org.familystation.platform.error.DomainException;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.familystation.command.common.CommonRefusals.STATION_UNKNOWN;
import static org.familystation.command.servicerecord.ServiceRecordRefusals.*;

/**
 * The rules a service record obeys that need the network's state (what needs none was checked where the input was
 * read, {@link ServiceInput}), for a new record and for a correction alike. Rules about the state of the
 * network (station point active, provider admitted and offering the project at the station) apply to what a
 * correction changes, not to what it keeps: correcting the description of a service delivered by a since-suspended
 * member is still allowed.
 */
@Component
public class ServiceRecordingPolicy {

    private final StationRegistry stations;
    private final MemberRegistry members;
    private final OfferingRegistry offerings;
    private final ServiceProjectCatalogue projects;
    private final PeopleRegistry people;

    public ServiceRecordingPolicy(StationRegistry stations, MemberRegistry members, OfferingRegistry offerings,
                                  ServiceProjectCatalogue projects, PeopleRegistry people) {
        this.stations = stations;
        this.people = people;
        this.members = members;
        this.offerings = offerings;
        this.projects = projects;
    }

    public StationFacts station(String stationId) {
        return stations.find(stationId).orElseThrow(() -> DomainException.refuse(STATION_UNKNOWN, stationId));
    }

    /**
     * Decides what depends on the network about a service read at the edge ({@link ServiceInput}) and returns
     * it as recorded facts.
     *
     * @param input    a new record, or a correction's changes merged with what is recorded
     * @param previous the record's current details when correcting it, null for a new record
     */
    public ServiceDetails details(StationFacts station, ServiceEntry input, ServiceDetails previous) {
        StationPoint point = input.stationPoint();
        Instant deliveredAt = input.deliveredAt();
        boolean moved = previous == null || !previous.deliveredAt().equals(deliveredAt);
        if (moved) {
            requireOpenAt(station, deliveredAt);
        }
        if ((moved || previous.stationPoint() != point)
                && !station.timeline().pointsActiveAt(deliveredAt).contains(point)) {
            throw DomainException.refuseField(STATION_POINT_NOT_ACTIVE, "stationPoint", point.label(), deliveredAt);
        }
        ServiceProject project = projects.find(input.projectCode())
                .orElseThrow(() -> DomainException.refuseField(PROJECT_UNKNOWN, "projectCode", input.projectCode()));
        if (project.stationPoint() != point) {
            throw DomainException.refuseField(PROJECT_NOT_AT_STATION_POINT, "projectCode", project.name(),
                    project.stationPoint().label(), point.label());
        }
        Provider provider = provider(station, input, previous == null ? null : previous.provider());
        requireOffering(station, project, provider, previous);
        Satisfaction satisfaction = input.satisfaction();
        return new ServiceDetails(point, project.code(), project.name(), provider, deliveredAt,
                input.participantCount().value(), input.description(), orNull(input.outcome()),
                satisfaction == null ? null : satisfaction.value(), orNull(input.feedback()));
    }

    /** Optional text: the empty string a correction removes it with is none. */
    private static String orNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** The station was open when the service was delivered: opened by then, and neither suspended nor closed. */
    private static void requireOpenAt(StationFacts station, Instant deliveredAt) {
        switch (station.timeline().standingAt(deliveredAt)) {
            case NOT_YET_OPEN -> throw DomainException.refuseField(SERVICE_BEFORE_STATION_OPENED, "deliveredAt",
                    station.timeline().openedAt(), deliveredAt);
            case SUSPENDED, CLOSED -> throw DomainException.refuseField(STATION_NOT_OPEN, "deliveredAt", deliveredAt);
            case OPEN -> { }
        }
    }

    /**
     * The provider: an admitted alliance member, and the registered people who delivered the service. Each person
     * a record newly names must be registered and serve at the station now (a social worker assigned to it, staff
     * of its home or a unit above it); those a correction keeps are not checked again. A record kept as it was
     * recorded before people were named keeps its legacy display name.
     */
    private Provider provider(StationFacts station, ServiceEntry input, Provider previous) {
        ProviderKind kind = input.providerKind();
        List<String> socialWorkers = input.socialWorkerIds();
        List<String> staff = input.staffIds();
        List<VolunteerTime> volunteers = input.volunteers();
        List<String> keptSocialWorkers = previous == null ? List.of() : previous.socialWorkerIds();
        List<String> keptStaff = previous == null ? List.of() : previous.staffIds();
        Set<String> keptVolunteers = previous == null ? Set.of() : volunteerIds(previous.volunteers());
        for (String id : socialWorkers) {
            if (!keptSocialWorkers.contains(id)) {
                PeopleRegistry.SocialWorkerPost post = people.socialWorker(id)
                        .orElseThrow(() -> DomainException.refuseField(SOCIAL_WORKER_UNKNOWN, "socialWorkerIds", id));
                if (!station.stationId().equals(post.stationId())) {
                    throw DomainException.refuseField(SOCIAL_WORKER_NOT_AT_STATION, "socialWorkerIds", id,
                            station.stationName());
                }
            }
        }
        for (String id : staff) {
            if (!keptStaff.contains(id)) {
                PeopleRegistry.StaffPost post = people.staff(id, station.stationId())
                        .orElseThrow(() -> DomainException.refuseField(STAFF_UNKNOWN, "staffIds", id));
                if (!post.servesAtStation()) {
                    throw DomainException.refuseField(STAFF_NOT_AT_STATION, "staffIds", id, station.stationName());
                }
            }
        }
        for (VolunteerTime volunteer : volunteers) {
            if (!keptVolunteers.contains(volunteer.volunteerId())
                    && !people.volunteerRegistered(volunteer.volunteerId())) {
                throw DomainException.refuseField(VOLUNTEER_UNKNOWN, "volunteers", volunteer.volunteerId());
            }
        }
        boolean keptAsRecorded = previous != null && previous.kind() == kind
                && previous.socialWorkerIds().equals(socialWorkers) && previous.staffIds().equals(staff)
                && previous.volunteers().equals(volunteers);
        String legacyName = keptAsRecorded && kind != ProviderKind.ALLIANCE_MEMBER ? previous.name() : null;
        if (legacyName == null) {
            requirePeople(kind, socialWorkers, staff, volunteers);
        }
        if (kind != ProviderKind.ALLIANCE_MEMBER) {
            return new Provider(kind, null, legacyName, socialWorkers, staff, volunteers);
        }
        String memberId = input.providerMemberId();
        if (previous != null && previous.kind() == kind && Objects.equals(previous.memberId(), memberId)) {
            return new Provider(kind, memberId, previous.name(), socialWorkers, staff, volunteers);
        }
        return members.find(memberId == null ? "" : memberId)
                .filter(member -> member.status() == MembershipStatus.ADMITTED)
                .map(member -> new Provider(kind, member.memberId(), member.organisationName(), socialWorkers, staff,
                        volunteers))
                .orElseThrow(() -> DomainException.refuseField(PROVIDER_NOT_ADMITTED, "providerMemberId", memberId));
    }

    /** A provider kind made of people names at least one of them. */
    private static void requirePeople(ProviderKind kind, List<String> socialWorkers, List<String> staff,
                                      List<VolunteerTime> volunteers) {
        switch (kind) {
            case SOCIAL_WORKER -> {
                if (socialWorkers.isEmpty()) {
                    throw DomainException.refuseField(PROVIDER_PEOPLE_REQUIRED, "socialWorkerIds", kind.label(),
                            "社工");
                }
            }
            case FEDERATION_STAFF -> {
                if (staff.isEmpty()) {
                    throw DomainException.refuseField(PROVIDER_PEOPLE_REQUIRED, "staffIds", kind.label(), "妇女工作者");
                }
            }
            case VOLUNTEERS -> {
                if (volunteers.isEmpty()) {
                    throw DomainException.refuseField(PROVIDER_PEOPLE_REQUIRED, "volunteers", kind.label(), "志愿者");
                }
            }
            case ALLIANCE_MEMBER -> {
                // the member delivers; people may help but need not be named
            }
        }
    }

    private static Set<String> volunteerIds(List<VolunteerTime> volunteers) {
        return volunteers.stream().map(VolunteerTime::volunteerId).collect(Collectors.toSet());
    }

    /** An alliance member delivers at a station only the projects it offers there. */
    private void requireOffering(StationFacts station, ServiceProject project, Provider provider,
                                 ServiceDetails previous) {
        if (provider.kind() != ProviderKind.ALLIANCE_MEMBER) {
            return;
        }
        boolean kept = previous != null && Objects.equals(previous.provider().memberId(), provider.memberId())
                && previous.projectCode().equals(project.code());
        if (!kept && !offerings.isOffered(provider.memberId(), station.stationId(), project.code())) {
            throw DomainException.refuseField(PROVIDER_DOES_NOT_OFFER_PROJECT_AT_STATION, "providerMemberId",
                    provider.name(), station.stationName(), project.name());
        }
    }
}
