package org.familystation.query.referral;

import org.familystation.events.common.CityCentre;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * How the referrals to each city centre fare: the referrals made in the period (all when no period is given) from
 * the district's stations (all districts when none is given), with their ages as of {@code asOf}.
 */
public record ReferralDashboard(String district, LocalDate from, LocalDate to, Instant asOf,
                                List<CentreFigures> centres) {

    /**
     * @param referred    referrals made
     * @param byStatus    how many stand in each status now
     * @param open        those still with the centre (referred, accepted or in progress), by age
     * @param overdue     those whose acceptance was or is late
     * @param closureRate closed / referred, to three decimals; null when none was referred
     */
    public record CentreFigures(CityCentre centre, String label, long referred, Map<ReferralStatus, Long> byStatus,
                                OpenByAge open, long overdue, Hours hoursToAccept, Hours hoursToResolve,
                                long closed, Double closureRate) {
    }

    /** Open referrals by how long ago they were made: under 1 day, 1–3 days, 3–7 days, 7 days or more. */
    public record OpenByAge(long total, long underOneDay, long oneToThreeDays, long threeToSevenDays,
                            long sevenDaysOrMore) {
    }

    /**
     * Hours from referral to acceptance (or to resolution), over the referrals that got there, to two decimals;
     * average and median are null when none did.
     */
    public record Hours(long count, Double average, Double median) {
    }
}
