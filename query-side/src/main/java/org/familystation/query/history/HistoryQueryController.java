package org.familystation.query.history;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.error.Refusal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
                    + "referrals、needs-surveys、social-workers、federation-staff、volunteers）",
            "there is no history of kind \"%s\" (stations, alliance-members, alliance-conventions, offerings,"
                    + " service-records, funds, referrals, needs-surveys, social-workers, federation-staff"
                    + " or volunteers)");

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
            Map.entry("volunteers", "Volunteer"));

    private final EventStore eventStore;

    public HistoryQueryController(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @GetMapping("/api/history/{kind}/{id}")
    public List<HistoryEntry> history(@PathVariable String kind, @PathVariable String id) {
        String aggregateType = AGGREGATE_TYPES.get(kind);
        if (aggregateType == null) {
            throw DomainException.refuse(HISTORY_KIND_UNKNOWN, kind);
        }
        List<HistoryEntry> entries = new ArrayList<>();
        eventStore.readEvents(id).asStream()
                .filter(event -> aggregateType.equals(event.getType()))
                .map(HistoryQueryController::entry)
                .forEach(entries::add);
        if (entries.isEmpty()) {
            throw DomainException.refuse(HISTORY_NOT_FOUND, kind, id);
        }
        return entries;
    }

    private static HistoryEntry entry(DomainEventMessage<?> event) {
        return new HistoryEntry(event.getSequenceNumber(), event.getTimestamp(), event.getPayloadType().getSimpleName(),
                event.getPayload(), new LinkedHashMap<>(event.getMetaData()));
    }
}
