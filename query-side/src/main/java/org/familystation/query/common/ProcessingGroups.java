package org.familystation.query.common;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query side's projections, by processing group, and the processor (family) each group is read by.
 * <p>
 * A processing group keeps its own dead-letter queue, sequencing policy and batch declarations
 * ({@link ProjectionBatches}); a family is one pooled streaming processor with one set of tokens, which reads and
 * deserializes each event once and hands it to every group of the family in one batch transaction. What the groups
 * of a family share: a batch's fate (a batch that cannot commit is retried for all of them), a position, and a
 * rebuild (resetting the family's tokens replays every group in it). So groups are put together where they share a
 * store, a pace and a reason to be rebuilt; why these three: docs/design/processor-families.md.
 */
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

    /**
     * The PostgreSQL read models: one transaction per batch for all of them, so they stand at one position (what the
     * dashboards and read-your-writes wait for) and fail together only when PostgreSQL does.
     */
    public static final String READ_MODELS = "read-models";
    /**
     * The Elasticsearch indexes, written with bulk requests: apart from PostgreSQL's read models so that a search
     * server that is down or slow holds back only the searches, and so that a rebuild of the indexes (an analyzer
     * changed) replays only them.
     */
    public static final String SEARCH = "search";
    /**
     * Every event, one row each: the largest writer by far, at its own pace, so that neither its replay nor its lag
     * holds back the read models; named like its one group, so its tokens are those it always had.
     */
    public static final String AUDIT = AUDIT_TRAIL;

    /** Each family (processor) and its processing groups, in the order they handle an event. */
    public static final Map<String, List<String>> FAMILIES = families();

    private ProcessingGroups() {
    }

    private static Map<String, List<String>> families() {
        Map<String, List<String>> families = new LinkedHashMap<>();
        families.put(READ_MODELS, List.of(NETWORK, STATIONS, ALLIANCE_MEMBERS, SERVICE_RECORDS, FUNDS,
                ALLIANCE_CONVENTIONS, OFFERINGS, REFERRALS, NEEDS, PEOPLE, ACCOUNTS));
        families.put(SEARCH, List.of(SERVICE_RECORD_SEARCH, NEEDS_SURVEY_SEARCH));
        families.put(AUDIT, List.of(AUDIT_TRAIL));
        return Collections.unmodifiableMap(families);
    }

    /** The processor (family) that reads for this processing group; any other group is its own processor. */
    public static String processorOf(String group) {
        return FAMILIES.entrySet().stream().filter(family -> family.getValue().contains(group))
                .map(Map.Entry::getKey).findFirst().orElse(group);
    }

    /** The processing groups a processor reads for: a family's, or the processor's own name. */
    public static List<String> groupsOf(String processor) {
        return FAMILIES.getOrDefault(processor, List.of(processor));
    }

    /** The processors whose tokens say how far these processing groups' read models have got. */
    public static List<String> processorsOf(Collection<String> groups) {
        return groups.stream().map(ProcessingGroups::processorOf).distinct().toList();
    }
}
