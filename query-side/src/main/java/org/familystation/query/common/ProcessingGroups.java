package org.familystation.query.common;

import java.util.List;

/** The query side's projections, by processing group (each is one pooled streaming processor with its own tokens). */
public final class ProcessingGroups {

    public static final String NETWORK = "network";
    public static final String STATIONS = "stations";
    public static final String ALLIANCE_MEMBERS = "alliance-members";
    public static final String SERVICE_RECORDS = "service-records";
    public static final String SERVICE_RECORD_SEARCH = "service-record-search";
    public static final String FUNDS = "funds";
    public static final String ALLIANCE_CONVENTIONS = "alliance-conventions";
    public static final String OFFERINGS = "offerings";
    public static final String REFERRALS = "referrals";
    public static final String NEEDS = "needs";
    public static final String NEEDS_SURVEY_SEARCH = "needs-survey-search";
    public static final String PEOPLE = "people";
    public static final String AUDIT_TRAIL = "audit-trail";
    public static final String ACCOUNTS = "accounts";

    public static final List<String> ALL = List.of(NETWORK, STATIONS, ALLIANCE_MEMBERS, SERVICE_RECORDS,
            SERVICE_RECORD_SEARCH, FUNDS, ALLIANCE_CONVENTIONS, OFFERINGS, REFERRALS, NEEDS, NEEDS_SURVEY_SEARCH,
            PEOPLE, AUDIT_TRAIL, ACCOUNTS);

    private ProcessingGroups() {
    }
}
