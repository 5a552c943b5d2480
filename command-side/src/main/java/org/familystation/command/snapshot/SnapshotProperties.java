package org.familystation.command.snapshot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Snapshots of long-lived aggregates ({@code familystation.snapshots.*}). */
@ConfigurationProperties("familystation.snapshots")
public class SnapshotProperties {

    /**
     * After how many events read or applied since the last snapshot (or since the start of the stream) a new
     * snapshot is taken: a command then reads the snapshot and at most this many events.
     */
    private int threshold = 100;

    public int getThreshold() {
        return threshold;
    }

    public void setThreshold(int threshold) {
        if (threshold < 2) {
            throw new IllegalArgumentException("familystation.snapshots.threshold must be at least 2");
        }
        this.threshold = threshold;
    }
}
