package org.familystation.query.needs;

import java.util.List;

/**
 * Needs recorded by surveys that stand (voided ones excluded), by category, district and month; and for each
 * category, the needs against the services delivered in its matching projects, in the same district and months.
 *
 * @param surveys     surveys held
 * @param respondents people asked
 * @param needs       the sum over categories of the respondents who named each (one respondent may name several)
 */
public record NeedsDashboard(long surveys, long respondents, long needs, List<CategoryNeeds> byCategory,
                             List<DistrictNeeds> byDistrict, List<MonthNeeds> byMonth, List<NeedGap> gap) {

    /** @param share this category's part of the needs of the scope (0 to 1, four decimals) */
    public record CategoryNeeds(String code, String name, long needs, long surveys, Double share) {
    }

    public record DistrictNeeds(String district, long surveys, long respondents, long needs,
                                List<CategoryNeeds> byCategory) {
    }

    public record MonthNeeds(String month, long surveys, long respondents, long needs) {
    }

    /**
     * One category's needs against the services of its matching projects. A project matching several categories
     * counts in each of them.
     *
     * @param shortfall people who named the need beyond the people the matching projects served (0 when served)
     * @param coverage  people served per person who named the need (two decimals), null without needs
     */
    public record NeedGap(String categoryCode, String categoryName, long needs, long services, long participants,
                          long shortfall, Double coverage, List<ProjectServices> matchingProjects) {
    }

    public record ProjectServices(String code, String name, long services, long participants) {
    }
}
