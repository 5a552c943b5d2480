package org.familystation.command.common;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** How the command side's persistent deadlines are run ({@code familystation.deadlines.*}). */
@ConfigurationProperties("familystation.deadlines")
public class DeadlineProperties {

    /** How often a command node looks for deadlines that are due; a deadline fires at most this late. */
    private Duration pollingInterval = Duration.ofSeconds(10);

    /** Deadlines run at once on one node. */
    private int threads = 2;

    /** How long stopping waits for deadlines being run (each takes milliseconds). */
    private Duration shutdownMaxWait = Duration.ofSeconds(10);

    /**
     * How often a node marks the deadlines it is running as alive. A node that dies while running one (SIGKILL) leaves
     * it picked; another node runs it again once {@link #missedHeartbeatsLimit} heartbeats are missed. db-scheduler's
     * default (5 minutes, 6 missed) would leave such a deadline 30 minutes late: the several-node run found one.
     */
    private Duration heartbeatInterval = Duration.ofSeconds(10);

    /** Heartbeats missed before a picked deadline counts as dead and is run by another node (here after 60 s). */
    private int missedHeartbeatsLimit = 6;

    public Duration getHeartbeatInterval() {
        return heartbeatInterval;
    }

    public void setHeartbeatInterval(Duration heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }

    public int getMissedHeartbeatsLimit() {
        return missedHeartbeatsLimit;
    }

    public void setMissedHeartbeatsLimit(int missedHeartbeatsLimit) {
        this.missedHeartbeatsLimit = missedHeartbeatsLimit;
    }

    public Duration getPollingInterval() {
        return pollingInterval;
    }

    public void setPollingInterval(Duration pollingInterval) {
        this.pollingInterval = pollingInterval;
    }

    public int getThreads() {
        return threads;
    }

    public void setThreads(int threads) {
        this.threads = threads;
    }

    public Duration getShutdownMaxWait() {
        return shutdownMaxWait;
    }

    public void setShutdownMaxWait(Duration shutdownMaxWait) {
        this.shutdownMaxWait = shutdownMaxWait;
    }
}
