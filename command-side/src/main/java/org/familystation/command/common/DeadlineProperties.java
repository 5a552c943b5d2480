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
