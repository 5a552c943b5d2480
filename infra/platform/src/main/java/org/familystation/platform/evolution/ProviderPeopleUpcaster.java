package org.familystation.platform.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Revision 1 → 2 of {@code ServiceRecorded} and {@code ServiceRecordCorrected}: the provider now names the people
 * who delivered the service by their ids. Revision 1 named them only as free text, which stays in the provider's
 * {@code name} as a legacy display name; the lists of ids are empty, since no registered person was named.
 */
final class ProviderPeopleUpcaster extends SingleEventUpcaster {

    private static final String EVENTS = "org.familystation.events.servicerecord.";
    private final SimpleSerializedType revision1;
    private final String detailsField;

    private ProviderPeopleUpcaster(String eventName, String detailsField) {
        this.revision1 = new SimpleSerializedType(EVENTS + eventName, "1");
        this.detailsField = detailsField;
    }

    static ProviderPeopleUpcaster serviceRecorded() {
        return new ProviderPeopleUpcaster("ServiceRecorded", "details");
    }

    static ProviderPeopleUpcaster serviceRecordCorrected() {
        return new ProviderPeopleUpcaster("ServiceRecordCorrected", "corrected");
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(revision1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(revision1.getName(), "2"), JsonNode.class,
                payload -> {
                    JsonNode provider = payload.path(detailsField).path("provider");
                    if (provider instanceof ObjectNode people) {
                        people.putArray("socialWorkerIds");
                        people.putArray("staffIds");
                        people.putArray("volunteers");
                    }
                    return payload;
                });
    }
}
