package org.familystation.query.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.function.ToDoubleFunction;

/**
 * Per event processor, as the admin API reports them: {@code familystation.processor.lag} (events behind the head of
 * the event store), {@code familystation.processor.dead.letters} (events parked) and
 * {@code familystation.processor.error} (1 while in error on this node). Registered once the processors exist; each
 * scrape reads them through {@link ProcessorReadings} (NaN while the database does not answer). (Not
 * "processorMetrics": Boot has a bean of that name, for the CPU.)
 */
@Component
public class EventProcessorMetrics {

    private final MeterRegistry registry;
    private final EventProcessingConfiguration processing;
    private final ProcessorReadings readings;

    public EventProcessorMetrics(MeterRegistry registry, EventProcessingConfiguration processing,
                            ProcessorReadings readings) {
        this.registry = registry;
        this.processing = processing;
        this.readings = readings;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void register() {
        for (String name : processing.eventProcessors().keySet()) {
            gauge("familystation.processor.lag", "Events the processor is behind the event store", name,
                    status -> status.lag() == null ? Double.NaN : status.lag());
            gauge("familystation.processor.dead.letters", "Events parked in the processor's dead-letter queue", name,
                    ProcessorStatus::deadLetters);
            gauge("familystation.processor.error", "1 while the processor is in error on this node", name,
                    status -> status.error() ? 1 : 0);
        }
    }

    private void gauge(String meter, String description, String processor, ToDoubleFunction<ProcessorStatus> value) {
        Gauge.builder(meter, readings, current -> current.current().stream()
                        .filter(status -> status.name().equals(processor)).findFirst()
                        .map(value::applyAsDouble).orElse(Double.NaN))
                .description(description)
                .tag("processor", processor)
                .strongReference(true)
                .register(registry);
    }
}
