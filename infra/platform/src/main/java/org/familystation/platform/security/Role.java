package org.familystation.platform.security;

/** What a user may do, by the job they hold in the network (DOMAIN.md §7). */
public enum Role {
    /** Federation leadership and administrators: everything. */
    ADMIN,
    /**
     * Operations headquarters: opens stations; reviews, admits, suspends, reinstates and expels alliance members
     * (and records a member's withdrawal); publishes conventions; manages members' offerings; receives and
     * allocates funds.
     */
    OPERATOR,
    /** Community homes and social workers: record services at stations, and what is spent of allocated funds. */
    STATION_WORKER,
    /**
     * Staff of one of the three city centres: accept or decline the referrals made to their centre and work them to
     * an outcome. They act for the centre their account names ({@link FamilyStationUser#centre()}).
     */
    CENTRE_STAFF,
    /** Evaluators and auditors: read-only. */
    AUDITOR
}
