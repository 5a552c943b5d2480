package org.familystation.command.servicerecord;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A service-record registry for fixture tests. */
public class InMemoryServiceRecordRegistry implements ServiceRecordRegistry {

    private final Map<String, ServiceRecordFacts> records = new HashMap<>();

    public InMemoryServiceRecordRegistry with(String serviceRecordId, String stationId, String projectCode,
                                              String projectName, Instant deliveredAt, boolean voided) {
        records.put(serviceRecordId, new ServiceRecordFacts(serviceRecordId, stationId, "梅园新村家庭驿站", "玄武区",
                projectCode, projectName, deliveredAt, voided));
        return this;
    }

    @Override
    public Optional<ServiceRecordFacts> find(String serviceRecordId) {
        return Optional.ofNullable(records.get(serviceRecordId));
    }
}
