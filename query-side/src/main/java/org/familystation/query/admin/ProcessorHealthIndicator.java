package org.familystation.query.admin;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code processors}: DOWN when an event processor is in error on this node or is further behind the event store
 * than {@code familystation.health.processors.lag-limit} events; the details name each processor with its lag,
 * error and dead letters. A processor being rebuilt is reported but never makes the node DOWN.
 */
@Component("processorsHealthIndicator")
public class ProcessorHealthIndicator extends AbstractHealthIndicator {

    private final ProcessorReadings readings;
    private final ProcessorHealthProperties properties;

    public ProcessorHealthIndicator(ProcessorReadings readings, ProcessorHealthProperties properties) {
        super("the event processors' state could not be read");
        this.readings = readings;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean healthy = true;
        Map<String, Object> failing = new LinkedHashMap<>();
        Map<String, Object> all = new LinkedHashMap<>();
        for (ProcessorStatus processor : readings.current()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("running", processor.running());
            detail.put("error", processor.error());
            if (processor.lag() != null) {
                detail.put("lag", processor.lag());
            }
            detail.put("deadLetters", processor.deadLetters());
            String problem = problem(processor);
            if (processor.activeRebuild() != null) {
                detail.put("rebuilding", processor.activeRebuild());
            } else if (problem != null) {
                healthy = false;
                failing.put(processor.name(), problem);
            }
            all.put(processor.name(), detail);
        }
        (healthy ? builder.up() : builder.down()).withDetail("lagLimit", properties.getLagLimit());
        if (!failing.isEmpty()) {
            builder.withDetail("failing", failing);
        }
        builder.withDetail("processors", all);
    }

    private String problem(ProcessorStatus processor) {
        if (processor.error()) {
            return processor.segments().stream().map(ProcessorStatus.SegmentStatus::error)
                    .filter(error -> error != null).findFirst().orElse("in error");
        }
        if (processor.lag() != null && processor.lag() > properties.getLagLimit()) {
            return processor.lag() + " events behind (limit " + properties.getLagLimit() + ")";
        }
        return null;
    }
}
