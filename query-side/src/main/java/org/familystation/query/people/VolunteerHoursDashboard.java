package org.familystation.query.people;

import java.math.BigDecimal;
import java.util.List;

/**
 * Volunteer time (巾帼志愿服务时长) in a district, station and months: in total, by volunteer (the
 * {@value VolunteerHoursDashboardController#TOP_VOLUNTEERS} with the most time), by station and by month.
 * Minutes are exact; hours are the same to two decimals.
 *
 * @param services    volunteer entries: one volunteer's time on one service
 * @param volunteers  different volunteers who gave time
 */
public record VolunteerHoursDashboard(long minutes, BigDecimal hours, long services, long volunteers,
                                      List<ByVolunteer> byVolunteer, List<ByStation> byStation,
                                      List<ByMonth> byMonth) {

    public record ByVolunteer(String volunteerId, String name, String volunteerNumber, long minutes,
                              BigDecimal hours, long services) {
    }

    public record ByStation(String stationId, String stationName, String district, long minutes, BigDecimal hours,
                            long services, long volunteers) {
    }

    public record ByMonth(String month, long minutes, BigDecimal hours, long services, long volunteers) {
    }
}
