package org.familystation.query.history;

import org.familystation.query.common.SecretFields;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.error.Refusal;
import org.familystation.query.reach.Reach;
import org.familystation.query.reach.Reaches;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The history of one entity, read from the event store itself: the events are the record, so this is the
 * complete and authoritative account of who did what, when and why.
 */
@RestController
public class HistoryQueryController {

    static final Refusal HISTORY_NOT_FOUND = Refusal.notFound("HISTORY_NOT_FOUND",
            "找不到%s %s 的历史", "there is no history of %s %s");
    static final Refusal HISTORY_KIND_UNKNOWN = Refusal.notFound("HISTORY_KIND_UNKNOWN",
            "没有“%s”这类历史（可选：stations、alliance-members、alliance-conventions、offerings、service-records、funds、"
                    + "referrals、needs-surveys、social-workers、federation-staff、volunteers、accounts）",
            "there is no history of kind \"%s\" (stations, alliance-members, alliance-conventions, offerings,"
                    + " service-records, funds, referrals, needs-surveys, social-workers, federation-staff"
                    + ", volunteers or accounts)");

    /** The URL's kind of entity, and the aggregate type its events are stored under. */
    private static final Map<String, String> AGGREGATE_TYPES = Map.ofEntries(
            Map.entry("stations", "Station"),
            Map.entry("alliance-members", "AllianceMember"),
            Map.entry("alliance-conventions", "AllianceConvention"),
            Map.entry("offerings", "Offering"),
            Map.entry("service-records", "ServiceRecord"),
            Map.entry("funds", "Fund"),
            Map.entry("referrals", "Referral"),
            Map.entry("needs-surveys", "NeedsSurvey"),
            Map.entry("social-workers", "SocialWorker"),
            Map.entry("federation-staff", "FederationStaff"),
            Map.entry("volunteers", "Volunteer"),
            Map.entry("accounts", "Account"));

    /**
     * For the kinds of entity that belong to a station or unit: the read-model row that is in reach exactly when the
     * entity is (the same conditions as the entity's own endpoint). Other kinds are network-wide reference data.
     */
    private static final Map<String, Function<Reach, Function<MapSqlParameterSource, String>>> IN_REACH = Map.of(
            "stations", reach -> p -> "SELECT 1 FROM rm_station WHERE station_id = :id AND "
                    + reach.units("community_home_id", p),
            "service-records", reach -> p -> "SELECT 1 FROM rm_service_record WHERE service_record_id = :id AND "
                    + reach.stations("station_id", p),
            "referrals", reach -> p -> "SELECT 1 FROM rm_referral WHERE referral_id = :id AND "
                    + reach.referrals("station_id", "centre", p),
            "needs-surveys", reach -> p -> "SELECT 1 FROM rm_needs_survey WHERE survey_id = :id AND "
                    + reach.units("community_home_id", p),
            "social-workers", reach -> p -> "SELECT 1 FROM rm_social_worker WHERE social_worker_id = :id AND "
                    + reach.stations("station_id", p),
            "federation-staff", reach -> p -> "SELECT 1 FROM rm_federation_staff WHERE staff_id = :id AND "
                    + reach.units("unit_id", p),
            "volunteers", reach -> p -> "SELECT 1 FROM rm_volunteer WHERE volunteer_id = :id AND "
                    + reach.units("home_unit_id", p),
            "funds", reach -> p -> "SELECT 1 WHERE " + reach.network());

    private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final EventStore eventStore;
    private final NamedParameterJdbcTemplate jdbc;
    private final Reaches reaches;
    private final ObjectMapper objectMapper;

    public HistoryQueryController(EventStore eventStore, NamedParameterJdbcTemplate jdbc, Reaches reaches,
                                  ObjectMapper objectMapper) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.reaches = reaches;
        this.objectMapper = objectMapper;
    }

    @GetMapping("/api/history/{kind}/{id}")
    public List<HistoryEntry> history(@PathVariable String kind, @PathVariable String id) {
        String aggregateType = AGGREGATE_TYPES.get(kind);
        if (aggregateType == null) {
            throw DomainException.refuse(HISTORY_KIND_UNKNOWN, kind);
        }
        Reach reach = reaches.current();
        if (IN_REACH.containsKey(kind) && !(reach.wholeNetwork() && reach.stationSide())) {
            MapSqlParameterSource parameters = new MapSqlParameterSource("id", id);
            String inReach = IN_REACH.get(kind).apply(reach).apply(parameters);
            if (jdbc.queryForList(inReach, parameters, Integer.class).isEmpty()) {
                // Out of reach reads as unknown.
                throw DomainException.refuse(HISTORY_NOT_FOUND, kind, id);
            }
        }
        List<HistoryEntry> entries = new ArrayList<>();
        eventStore.readEvents(id).asStream()
                .filter(event -> aggregateType.equals(event.getType()))
                .map(this::entry)
                .forEach(entries::add);
        if (entries.isEmpty()) {
            throw DomainException.refuse(HISTORY_NOT_FOUND, kind, id);
        }
        return entries;
    }

    private HistoryEntry entry(DomainEventMessage<?> event) {
        return new HistoryEntry(event.getSequenceNumber(), event.getTimestamp(), event.getPayloadType().getSimpleName(),
                withoutSecrets(event.getPayload()), new LinkedHashMap<>(event.getMetaData()));
    }

    private Object withoutSecrets(Object payload) {
        Map<String, Object> fields = objectMapper.convertValue(payload, FIELDS);
        if (fields.keySet().stream().noneMatch(SecretFields.NAMES::contains)) {
            return payload;
        }
        fields.keySet().removeAll(SecretFields.NAMES);
        return fields;
    }
}
