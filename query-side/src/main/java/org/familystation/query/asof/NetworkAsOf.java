package org.familystation.query.asof;

import org.familystation.events.common.Alliance;
import org.familystation.events.common.FundingSource;
import org.familystation.events.common.HomeTier;
import org.familystation.events.common.StationPoint;
import org.familystation.query.dashboard.DashboardSummary.AllianceCount;
import org.familystation.query.dashboard.DashboardSummary.Services;
import org.familystation.query.network.NetworkDashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The network as the history tells it at an instant: by default what had happened in the world by then (business
 * time), or what had been recorded by then ({@code timeBasis} says which). The parts the live dashboards also show have the same
 * shape as theirs ({@link NetworkDashboard}, {@link AllianceCount}, {@link Services}), so that the network as of now
 * can be compared with them field by field.
 *
 * @param asOf            the last instant whose events count (events are stored to the millisecond)
 * @param date            the day asked for (users' calendar), when a day was asked for
 * @param timeBasis       BUSINESS: facts count by when they happened (a station's opening date, a service's
 *                        delivery, a fund's receipt, allocation and spending dates), with every correction and
 *                        voiding known today; RECORDED: events count by when they were recorded
 * @param lastGlobalIndex the position in the event store of the last event counted; null before the first event
 * @param eventsRead      how many events the answer folded (with those a snapshot it started from had folded: the
 *                        same with or without snapshots)
 * @param network         units by level; community homes and stations by district, tier and status; active station
 *                        points of open stations; specialty services of stations not closed
 * @param stations        every station opened by then, with its status, its home's tier then, its station points
 *                        and specialty services then, and the services recorded at it that stand
 * @param alliances       members and applicants by alliance and status
 * @param allianceMembers every member and applicant, with its status then
 * @param services        services recorded by then that stand (corrections applied, voided ones left out)
 * @param funds           every fund received by then and its balances then, in fen, and their sums
 */
public record NetworkAsOf(
        Instant asOf,
        LocalDate date,
        TimeBasis timeBasis,
        Long lastGlobalIndex,
        long eventsRead,
        NetworkDashboard network,
        List<StationAsOf> stations,
        List<AllianceCount> alliances,
        List<MemberAsOf> allianceMembers,
        Services services,
        Funds funds) {

    /**
     * A station then: {@code statusChangedAt} is when it got that status (opened, suspended, reopened or closed),
     * {@code services} the records at it that stand.
     */
    public record StationAsOf(String stationId, String stationName, String communityHomeId, String communityHomeName,
                              String district, HomeTier homeTier, String homeTierLabel, String status,
                              List<StationPoint> activePoints, List<Specialty> specialties, Instant openedAt,
                              Instant statusChangedAt, long services) {
    }

    /** A specialty service (特色服务) the station offered then. */
    public record Specialty(String code, String name, Instant addedAt) {
    }

    /** An alliance member or applicant then, and since when it had that status. */
    public record MemberAsOf(String memberId, Alliance alliance, String organisationName, String status,
                             Instant statusChangedAt) {
    }

    /** The network's money then, in fen: what was received, what allocations held, what was spent. */
    public record Funds(long receivedFen, long allocatedFen, long spentFen, long unallocatedFen,
                        List<FundAsOf> funds) {
    }

    /**
     * One fund then, in fen. As in the live read model, money released from an allocation counts as never
     * allocated: {@code unallocatedFen = receivedFen - allocatedFen}.
     */
    public record FundAsOf(String fundId, FundingSource source, String sourceLabel, String donor, Instant receivedAt,
                           long receivedFen, long allocatedFen, long spentFen, long unallocatedFen) {
    }
}
