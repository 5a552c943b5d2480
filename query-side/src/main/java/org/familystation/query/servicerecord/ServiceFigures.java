package org.familystation.query.servicerecord;

import org.familystation.events.common.ServiceDetails;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Services, participants and ratings: what records add to the services' figures, the counters of
 * {@code rm_service_stats} as the tallies of the network as of a date. Negative when taken away.
 */
public record ServiceFigures(long services, long participants, long satisfactionSum, long satisfactionCount) {

    public static final ServiceFigures NONE = new ServiceFigures(0, 0, 0, 0);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    /**
     * What a record counts for: while it stands ({@link ServiceRecordFold#stands}), one service with its
     * participants, and its rating if it was rated; nothing once voided.
     */
    public static ServiceFigures of(ServiceRecordState record) {
        if (!ServiceRecordFold.stands(record)) {
            return NONE;
        }
        ServiceDetails details = record.details();
        Integer satisfaction = details.satisfaction();
        return new ServiceFigures(1, details.participantCount(), satisfaction == null ? 0 : satisfaction,
                satisfaction == null ? 0 : 1);
    }

    /** The month a record counts in: its delivery's, in the users' calendar ({@code yyyy-MM}). */
    public static String month(ServiceDetails details, ZoneId zone) {
        return month(details.deliveredAt(), zone);
    }

    /** The month an instant falls in, in the users' calendar ({@code yyyy-MM}). */
    public static String month(Instant instant, ZoneId zone) {
        return MONTH.format(instant.atZone(zone));
    }

    /** These figures with {@code other} added {@code sign} times (1 to add, -1 to take away). */
    public ServiceFigures plus(ServiceFigures other, int sign) {
        return new ServiceFigures(services + sign * other.services, participants + sign * other.participants,
                satisfactionSum + sign * other.satisfactionSum, satisfactionCount + sign * other.satisfactionCount);
    }
}
