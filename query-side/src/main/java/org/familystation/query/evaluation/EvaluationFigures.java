package org.familystation.query.evaluation;

import org.familystation.query.dashboard.DashboardSummary.ServiceCount;
import org.familystation.query.funding.FundingMix.SourceShare;
import org.familystation.query.needs.NeedsDashboard.NeedGap;
import org.familystation.query.referral.ReferralDashboard.Hours;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one cohort did in one period, every figure from the read models as they stand at the report's position.
 * Services, referrals, volunteer time and spending count at the stations of the cohort; needs at its community
 * homes; alliance growth is network-wide (alliances serve every station).
 */
public record EvaluationFigures(Stations stations, Services services, Needs needs, Referrals referrals,
                                VolunteerTime volunteerTime, AllianceGrowth allianceGrowth, Funding funding) {

    /**
     * @param inCohort stations of the cohort opened before the period ended
     * @param opened   opened in the period
     * @param active   with at least one service (that stands) delivered in the period
     */
    public record Stations(long inCohort, long opened, long active) {
    }

    /**
     * Services that stand (voided ones excluded, corrections applied), by delivery time.
     *
     * @param beneficiaries people served, counted per service (人次): records carry how many took part, not who
     * @param satisfaction  rated services by score 1 to 5; {@code unrated} were not rated
     */
    public record Services(long services, long beneficiaries, Double averageSatisfaction, long rated, long unrated,
                           List<Long> satisfaction, List<ServiceCount> byStationPoint,
                           List<ServiceCount> byProject) {
    }

    /**
     * Needs surveys (that stand) held in the period, and the gap: per need category, the respondents who named it
     * against the people served by its matching projects in the same cohort and period.
     */
    public record Needs(long surveys, long respondents, long needs, List<NeedGap> gap) {
    }

    /**
     * Referrals made in the period from the cohort's stations; a step counts when it happened before the period
     * ended, so a past period's figures do not change as later referrals are worked.
     *
     * @param closureRate closed / referred, three decimals, null when none were referred
     */
    public record Referrals(long referred, long accepted, long declined, long withdrawn, long resolved, long closed,
                            Double closureRate, Hours hoursToAccept, Hours hoursToResolve) {
    }

    /** Volunteer time on services delivered in the period at the cohort's stations. */
    public record VolunteerTime(long minutes, BigDecimal hours, long services, long volunteers) {
    }

    /**
     * @param suspensions members whose latest suspension falls in the period (the read model keeps the latest)
     * @param membersAtEnd admitted before the period ended and neither expelled nor withdrawn by then
     */
    public record AllianceGrowth(long applications, long admissions, long suspensions, long expulsions,
                                 long withdrawals, long membersAtEnd, List<AllianceFigures> byAlliance) {
    }

    public record AllianceFigures(String alliance, String label, long applications, long admissions,
                                  long suspensions, long expulsions, long withdrawals, long membersAtEnd) {
    }

    /**
     * Money in fen: received in the period (network-wide cohort only: funds are received by the network),
     * allocated in the period to the cohort's stations (and, network-wide, to projects; net of releases), and spent
     * in the period from those allocations.
     */
    public record Funding(Long receivedFen, long allocatedFen, long spentFen, List<SourceShare> bySource) {
    }
}
