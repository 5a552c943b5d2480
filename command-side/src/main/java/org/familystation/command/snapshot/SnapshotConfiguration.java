package org.familystation.command.snapshot;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Snapshots for the aggregates whose streams keep growing (a station over the years, a fund with every
 * expenditure, an alliance member with every convention signed, a volunteer with every service helped): each names
 * {@link #TRIGGER} in its {@code @Aggregate} and carries a {@code @Revision} for its stored state. The snapshot is
 * taken in the command's transaction once {@code familystation.snapshots.threshold} events were read or applied,
 * and stored in {@code snapshot_event_entry}; a snapshot of another revision than the aggregate's is ignored (the
 * stream is read in full and a new one is taken), so changing an aggregate's fields only needs a new revision.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SnapshotProperties.class)
public class SnapshotConfiguration {

    /** The bean name that {@code @Aggregate(snapshotTriggerDefinition = ...)} refers to. */
    public static final String TRIGGER = "eventCountSnapshotTrigger";

    @Bean(TRIGGER)
    public SnapshotTriggerDefinition eventCountSnapshotTrigger(Snapshotter snapshotter, SnapshotProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.getThreshold());
    }
}
