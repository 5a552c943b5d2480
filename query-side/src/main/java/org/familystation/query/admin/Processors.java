package org.familystation.query.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.SagaConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.familystation.platform.error.DomainException;
import org.familystation.query.common.ProcessingGroups;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every event processor registered in this application (the projections' families, sagas, command registries) and
 * its state.
 */
@Component
public class Processors {

    private final EventProcessingConfiguration processing;
    private final TokenPositions tokens;
    private final Rebuilds rebuilds;
    private final JdbcTemplate jdbc;
    private final ProcessorFaults faults;

    public Processors(EventProcessingConfiguration processing, TokenPositions tokens, Rebuilds rebuilds,
                      JdbcTemplate jdbc, ProcessorFaults faults) {
        this.processing = processing;
        this.faults = faults;
        this.tokens = tokens;
        this.rebuilds = rebuilds;
        this.jdbc = jdbc;
    }

    public List<ProcessorStatus> all() {
        long head = tokens.head();
        Map<String, Long> deadLetters = deadLetterCounts();
        return processing.eventProcessors().values().stream()
                .sorted(Comparator.comparing(EventProcessor::getName))
                .map(processor -> status(processor, head, deadLetters))
                .toList();
    }

    public ProcessorStatus one(String name) {
        EventProcessor processor = processing.eventProcessors().get(name);
        if (processor == null) {
            throw unknown(processing, name);
        }
        return status(processor, tokens.head(), deadLetterCounts());
    }

    /**
     * Why there is no processor of that name: it is a processing group of a family (read by the family's processor,
     * named in the answer), or nothing at all.
     */
    static DomainException unknown(EventProcessingConfiguration processing, String name) {
        return processing.eventProcessorByProcessingGroup(name).map(EventProcessor::getName)
                .filter(family -> !family.equals(name))
                .map(family -> DomainException.refuse(AdminRefusals.PROCESSING_GROUP_OF_FAMILY, name, family, family))
                .orElseGet(() -> DomainException.refuse(AdminRefusals.PROCESSOR_NOT_FOUND, name));
    }

    /** The names of the processors that can be rebuilt (every projection). */
    public List<String> replayable() {
        return all().stream().filter(ProcessorStatus::replayable).map(ProcessorStatus::name).toList();
    }

    private ProcessorStatus status(EventProcessor processor, long head, Map<String, Long> deadLetters) {
        String name = processor.getName();
        Set<String> sagas = processing.sagaConfigurations().stream().map(SagaConfiguration::processingGroup)
                .collect(Collectors.toSet());
        List<ProcessorStatus.GroupStatus> groups = ProcessingGroups.groupsOf(name).stream()
                .map(group -> new ProcessorStatus.GroupStatus(group, deadLetters.getOrDefault(group, 0L))).toList();
        long letters = groups.stream().mapToLong(ProcessorStatus.GroupStatus::deadLetters).sum();
        ProcessorFaults.Fault fault = faults.of(name).orElse(null);
        boolean error = processor.isError() || fault != null;
        boolean retrying = error && processor.isRunning();
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return new ProcessorStatus(name, processor instanceof SubscribingEventProcessor ? "subscribing"
                    : processor.getClass().getSimpleName(), sagas.contains(name), false, processor.isRunning(),
                    error, fault, retrying, head, null, List.of(), letters, groups, null);
        }
        Map<Integer, EventTrackerStatus> local = streaming.processingStatus();
        List<ProcessorStatus.SegmentStatus> segments = tokens.segments(name).stream().map(segment -> {
            EventTrackerStatus here = local.get(segment.segment());
            long position = here == null ? segment.position()
                    : Math.max(segment.position(), here.getCurrentPosition().orElse(-1));
            return new ProcessorStatus.SegmentStatus(segment.segment(), position,
                    Math.max(head - position, 0), segment.owner(), segment.replaying(), here != null,
                    here == null ? null : here.isCaughtUp(),
                    here == null || here.getError() == null ? null : here.getError().toString());
        }).toList();
        Long lag = segments.isEmpty() ? null
                : segments.stream().mapToLong(ProcessorStatus.SegmentStatus::lag).max().orElse(0);
        boolean replayable = streaming.supportsReset() && !sagas.contains(name);
        return new ProcessorStatus(name, processor instanceof PooledStreamingEventProcessor ? "pooled-streaming"
                : "tracking", sagas.contains(name), replayable, streaming.isRunning(), error, fault, retrying, head, lag,
                segments, letters, groups, replayable ? rebuilds.active(name) : null);
    }

    private Map<String, Long> deadLetterCounts() {
        return jdbc.query("SELECT processing_group, count(*) AS letters FROM dead_letter_entry"
                        + " GROUP BY processing_group", rs -> {
            Map<String, Long> counts = new java.util.HashMap<>();
            while (rs.next()) {
                counts.put(rs.getString("processing_group"), rs.getLong("letters"));
            }
            return counts;
        });
    }
}
