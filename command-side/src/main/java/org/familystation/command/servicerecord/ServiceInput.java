package org.familystation.command.servicerecord;

import org.familystation.command.common.Rules;
import org.familystation.command.people.PeopleRegistry;
import org.familystation.events.common.ProviderKind;
import org.familystation.events.common.StationPoint;
import org.familystation.events.common.VolunteerTime;
import org.familystation.platform.error.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.familystation.command.servicerecord.ServiceRecordRefusals.*;

/**
 * What a user says about a delivered service, as sent (the API's body, a spreadsheet row), and how it is read into a
 * {@link ServiceEntry}: here, at the edge, every rule that needs no state refuses what it refuses, with the codes and
 * fields the API has always answered with. In a correction, a null field means "unchanged" (a list given replaces the
 * recorded one; an empty list removes everyone; an empty outcome or feedback removes it).
 *
 * @param providerKind     ALLIANCE_MEMBER, FEDERATION_STAFF, SOCIAL_WORKER or VOLUNTEERS
 * @param providerMemberId the alliance member's id, for ALLIANCE_MEMBER
 * @param socialWorkerIds  the registered social workers who delivered it (at least one for SOCIAL_WORKER)
 * @param staffIds         the registered federation staff who delivered it (at least one for FEDERATION_STAFF)
 * @param volunteers       the registered volunteers who helped, with their minutes (at least one for VOLUNTEERS)
 */
public record ServiceInput(
        String stationPoint,
        String projectCode,
        String providerKind,
        String providerMemberId,
        List<String> socialWorkerIds,
        List<String> staffIds,
        List<VolunteerMinutes> volunteers,
        Instant deliveredAt,
        Integer participantCount,
        String description,
        String outcome,
        Integer satisfaction,
        String feedback) {

    /** A new record: every field it needs is there and right. */
    public ServiceEntry record(Clock clock) {
        StationPoint point = Rules.oneOf(StationPoint.class, stationPoint, STATION_POINT_UNKNOWN, "stationPoint");
        Instant delivered = Rules.notInFuture(deliveredAt, clock, DELIVERED_AT_REQUIRED, DELIVERED_IN_FUTURE,
                "deliveredAt");
        ProviderKind kind = Rules.oneOf(ProviderKind.class, providerKind, PROVIDER_KIND_UNKNOWN, "providerKind");
        List<String> socialWorkers = readIds(socialWorkerIds, "socialWorkerIds");
        List<String> staff = readIds(staffIds, "staffIds");
        List<VolunteerTime> helpers = readVolunteers(volunteers);
        ParticipantCount participants = ParticipantCount.of(participantCount);
        String described = Rules.requiredText(description, MAX_DESCRIPTION, DESCRIPTION_INVALID, "description");
        String outcomeText = Rules.optionalText(outcome, MAX_TEXT, TEXT_TOO_LONG, "outcome");
        Satisfaction score = Satisfaction.of(satisfaction);
        String feedbackText = Rules.optionalText(feedback, MAX_TEXT, TEXT_TOO_LONG, "feedback");
        return new ServiceEntry(point, projectCode, kind, providerMemberId, socialWorkers, staff, helpers,
                delivered, participants, described, outcomeText, score, feedbackText);
    }

    /** A correction's changes: each field given is read as for a new record; one not given stays null. */
    public ServiceEntry changes(Clock clock) {
        StationPoint point = stationPoint == null ? null
                : Rules.oneOf(StationPoint.class, stationPoint, STATION_POINT_UNKNOWN, "stationPoint");
        Instant delivered = deliveredAt == null ? null
                : Rules.notInFuture(deliveredAt, clock, DELIVERED_AT_REQUIRED, DELIVERED_IN_FUTURE, "deliveredAt");
        ProviderKind kind = providerKind == null ? null
                : Rules.oneOf(ProviderKind.class, providerKind, PROVIDER_KIND_UNKNOWN, "providerKind");
        List<String> socialWorkers = socialWorkerIds == null ? null : readIds(socialWorkerIds, "socialWorkerIds");
        List<String> staff = staffIds == null ? null : readIds(staffIds, "staffIds");
        List<VolunteerTime> helpers = volunteers == null ? null : readVolunteers(volunteers);
        ParticipantCount participants = participantCount == null ? null : ParticipantCount.of(participantCount);
        String described = description == null ? null
                : Rules.requiredText(description, MAX_DESCRIPTION, DESCRIPTION_INVALID, "description");
        String outcomeText = removable(outcome, "outcome");
        Satisfaction score = Satisfaction.of(satisfaction);
        String feedbackText = removable(feedback, "feedback");
        return new ServiceEntry(point, projectCode, kind, providerMemberId, socialWorkers, staff, helpers,
                delivered, participants, described, outcomeText, score, feedbackText);
    }

    static final int MAX_DESCRIPTION = 4_000;
    static final int MAX_TEXT = 1_000;
    /** More people than deliver one service together is a mistake in the list. */
    static final int MAX_PEOPLE = 50;

    /** A volunteer named on a service as sent, with the whole minutes they gave. */
    public record VolunteerMinutes(String volunteerId, Integer minutes) {
    }

    /** Optional text in a correction: null is "unchanged", blank is "remove it" (kept as the empty string). */
    private static String removable(String text, String field) {
        if (text == null) {
            return null;
        }
        String kept = Rules.optionalText(text, MAX_TEXT, TEXT_TOO_LONG, field);
        return kept == null ? "" : kept;
    }

    /** Ids as sent: none blank, none twice, not more than a service has people. */
    static List<String> readIds(List<String> given, String field) {
        if (given == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (String id : given) {
            if (id == null || id.isBlank() || ids.contains(id.strip()) || ids.size() == MAX_PEOPLE) {
                throw DomainException.refuseField(PROVIDER_PEOPLE_INVALID, field, MAX_PEOPLE);
            }
            ids.add(id.strip());
        }
        return List.copyOf(ids);
    }

    /** Volunteers as sent: their ids as {@link #readIds}, each with whole minutes from one to a day. */
    static List<VolunteerTime> readVolunteers(List<VolunteerMinutes> given) {
        if (given == null) {
            return List.of();
        }
        List<String> ids = readIds(given.stream().map(v -> v == null ? null : v.volunteerId()).toList(), "volunteers");
        List<VolunteerTime> volunteers = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Integer minutes = given.get(i).minutes();
            if (minutes == null || minutes < 1 || minutes > PeopleRegistry.MAX_VOLUNTEER_MINUTES) {
                throw DomainException.refuseField(VOLUNTEER_MINUTES_INVALID, "volunteers", ids.get(i),
                        PeopleRegistry.MAX_VOLUNTEER_MINUTES, minutes);
            }
            volunteers.add(new VolunteerTime(ids.get(i), minutes));
        }
        return List.copyOf(volunteers);
    }
}
