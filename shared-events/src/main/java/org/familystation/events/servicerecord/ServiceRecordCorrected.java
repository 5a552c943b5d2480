package org.familystation.events.servicerecord;

import org.axonframework.serialization.Revision;
import org.familystation.events.common.ServiceDetails;

import java.time.Instant;
import java.util.List;

/**
 * A service record was corrected: {@code corrected} is the whole record after the correction, {@code changedFields}
 * names what changed (field names of {@link ServiceDetails}), and {@code reason} says why.
 */
@Revision("2")
public record ServiceRecordCorrected(
        String serviceRecordId,
        String stationId,
        ServiceDetails corrected,
        List<String> changedFields,
        String reason,
        Instant correctedAt) implements ServiceRecordEvent {
}
