package org.familystation.command.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** Limits and pace of spreadsheet imports ({@code familystation.import.*}). */
@ConfigurationProperties("familystation.import")
public class ImportProperties {

    /** Most data rows one upload may hold; a larger file is refused before anything is recorded. */
    private int maxRows = 20_000;
    /** Rows sent at once (commands in flight) for all imports of a node together. */
    private int rowThreads = 4;
    /** Imports running at once on a node; more wait their turn. */
    private int jobThreads = 2;
    /** Finished imports whose reports are kept (in PostgreSQL, for every node). */
    private int keptJobs = 100;
    /** How often the node running an import saves its rows and progress; each save is the job's heartbeat. */
    private Duration saveInterval = Duration.ofSeconds(1);
    /** A running import without a heartbeat for this long lost its node, and is answered as INTERRUPTED. */
    private Duration heartbeatTimeout = Duration.ofSeconds(30);

    public int getMaxRows() {
        return maxRows;
    }

    public void setMaxRows(int maxRows) {
        this.maxRows = maxRows;
    }

    public int getRowThreads() {
        return rowThreads;
    }

    public void setRowThreads(int rowThreads) {
        this.rowThreads = rowThreads;
    }

    public int getJobThreads() {
        return jobThreads;
    }

    public void setJobThreads(int jobThreads) {
        this.jobThreads = jobThreads;
    }

    public Duration getSaveInterval() {
        return saveInterval;
    }

    public void setSaveInterval(Duration saveInterval) {
        this.saveInterval = saveInterval;
    }

    public Duration getHeartbeatTimeout() {
        return heartbeatTimeout;
    }

    public void setHeartbeatTimeout(Duration heartbeatTimeout) {
        this.heartbeatTimeout = heartbeatTimeout;
    }

    public int getKeptJobs() {
        return keptJobs;
    }

    public void setKeptJobs(int keptJobs) {
        this.keptJobs = keptJobs;
    }
}
