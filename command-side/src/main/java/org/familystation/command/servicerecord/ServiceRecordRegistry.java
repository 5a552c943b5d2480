package org.familystation.command.servicerecord;

import java.time.Instant;
import java.util.Optional;

/** What the command side knows about service records when deciding about other aggregates (volunteer hours). */
public interface ServiceRecordRegistry {

    Optional<ServiceRecordFacts> find(String serviceRecordId);

    /** A service record as it stands (corrections applied). */
    record ServiceRecordFacts(String serviceRecordId, String stationId, String stationName, String district,
                              String projectCode, String projectName, Instant deliveredAt, boolean voided) {
    }
}
