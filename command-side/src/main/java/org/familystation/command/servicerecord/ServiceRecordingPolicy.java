package org.familystation.command.servicerecord;

import org.familystation.command.alliance.MemberRegistry;
import org.familystation.command.alliance.MembershipStatus;
import org.familystation.command.common.Rules;
import org.familystation.command.offering.OfferingRegistry;
import org.familystation.command.servicerecord.ServiceProjectCatalogue.ServiceProject;
import org.familystation.command.station.StationRegistry;
import org.familystation.command.station.StationRegistry.StationFacts;
import org.familystation.events.common.Provider;
import org.familystation.events.common.ProviderKind;
import org.familystation.events.common.ServiceDetails;
import org.familystation.events.common.StationPoint;
import org.familystation.platform.error.DomainException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import static org.familystation.command.servicerecord.ServiceRecordRefusals.*;

/**
 * The rules a service record obeys, for a new record and for a correction alike. Rules about the state of the
 * network (station point active, provider admitted and offering the project at the station) apply to what a
 * correction changes, not to what it keeps: correcting the description of a service delivered by a since-suspended
 * member is still allowed.
 */
@Component
public class ServiceRecordingPolicy {

    static final int MAX_DESCRIPTION = 4_000;
    /** More people than a large community event serves at once is a typing mistake, not a service. */
    static final int MAX_PARTICIPANTS = 10_000;
    static final int MAX_TEXT = 1_000;
    static final int MAX_PROVIDER_NAME = 100;

    private final StationRegistry stations;
    private final MemberRegistry members;
    private final OfferingRegistry offerings;
    private final ServiceProjectCatalogue projects;
    private final Clock clock;

    public ServiceRecordingPolicy(StationRegistry stations, MemberRegistry members, OfferingRegistry offerings,
                                  ServiceProjectCatalogue projects, Clock clock) {
        this.stations = stations;
        this.members = members;
        this.offerings = offerings;
        this.projects = projects;
        this.clock = clock;
    }

    public StationFacts station(String stationId) {
        return stations.find(stationId).orElseThrow(() -> DomainException.refuse(STATION_UNKNOWN, stationId));
    }

    /**
     * Checks what was sent and returns it as recorded facts.
     *
     * @param previous the record's current details when correcting it, null for a new record
     */
    public ServiceDetails details(StationFacts station, ServiceInput input, ServiceDetails previous) {
        StationPoint point = Rules.oneOf(StationPoint.class, input.stationPoint(), STATION_POINT_UNKNOWN,
                "stationPoint");
        Instant deliveredAt = Rules.notInFuture(input.deliveredAt(), clock, DELIVERED_AT_REQUIRED,
                DELIVERED_IN_FUTURE, "deliveredAt");
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
        Provider provider = provider(input, previous == null ? null : previous.provider());
        requireOffering(station, project, provider, previous);
        if (input.participantCount() == null || input.participantCount() < 1
                || input.participantCount() > MAX_PARTICIPANTS) {
            throw DomainException.refuseField(PARTICIPANTS_INVALID, "participantCount", MAX_PARTICIPANTS,
                    input.participantCount());
        }
        String description = Rules.requiredText(input.description(), MAX_DESCRIPTION, DESCRIPTION_INVALID,
                "description");
        String outcome = Rules.optionalText(input.outcome(), MAX_TEXT, TEXT_TOO_LONG, "outcome");
        Integer satisfaction = input.satisfaction();
        if (satisfaction != null && (satisfaction < 1 || satisfaction > 5)) {
            throw DomainException.refuseField(SATISFACTION_OUT_OF_RANGE, "satisfaction", satisfaction);
        }
        String feedback = Rules.optionalText(input.feedback(), MAX_TEXT, TEXT_TOO_LONG, "feedback");
        return new ServiceDetails(point, project.code(), project.name(), provider, deliveredAt,
                input.participantCount(), description, outcome, satisfaction, feedback);
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

    private Provider provider(ServiceInput input, Provider previous) {
        ProviderKind kind = Rules.oneOf(ProviderKind.class, input.providerKind(), PROVIDER_KIND_UNKNOWN,
                "providerKind");
        if (kind != ProviderKind.ALLIANCE_MEMBER) {
            return new Provider(kind, null, Rules.requiredText(input.providerName(), MAX_PROVIDER_NAME,
                    PROVIDER_NAME_INVALID, "providerName"));
        }
        String memberId = input.providerMemberId();
        if (previous != null && Objects.equals(previous.memberId(), memberId)) {
            return previous;
        }
        return members.find(memberId == null ? "" : memberId)
                .filter(member -> member.status() == MembershipStatus.ADMITTED)
                .map(member -> new Provider(kind, member.memberId(), member.organisationName()))
                .orElseThrow(() -> DomainException.refuseField(PROVIDER_NOT_ADMITTED, "providerMemberId", memberId));
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
