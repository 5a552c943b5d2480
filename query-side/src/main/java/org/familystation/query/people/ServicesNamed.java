package org.familystation.query.people;

/**
 * How many services that stand (not voided) name each person: a people table with a {@code services} column,
 * counted from rm_service_person when read (the people's rows and the services' come from different aggregates, so
 * a counter kept on the person's row could miss a service that arrived first).
 */
final class ServicesNamed {

    private ServicesNamed() {
    }

    /** The table, under its own name, with {@code services} beside its columns. */
    static String withServices(String table, String idColumn, String personKind) {
        return "(SELECT t.*, (SELECT count(*) FROM rm_service_person p"
                + " JOIN rm_service_people s ON s.service_record_id = p.service_record_id"
                + " WHERE p.person_kind = '" + personKind + "' AND p.person_id = t." + idColumn
                + " AND NOT s.voided) AS services FROM " + table + " t) " + table;
    }
}
