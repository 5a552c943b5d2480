package org.familystation.query.common.search;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** The search indexes ({@code familystation.search.*}). */
@ConfigurationProperties("familystation.search")
public class SearchProperties {

    /** The alias searches of service records go through; the index behind it can be rebuilt and swapped. */
    private String alias = "service-records";

    /** The alias of the needs-survey index. */
    private String needsSurveyAlias = "needs-surveys";

    /** Replicas of each index: 0 for one node (the embedded default), at least 1 on a real cluster. */
    private int replicas = 0;

    /**
     * How often each live index makes what was written since searchable (Elasticsearch's {@code refresh_interval}):
     * a service record reaches search up to this long after its projection wrote it. Half a second: against the
     * 1 s that was Elasticsearch's default, it found a new record 250–400 ms sooner at the median and kept the lag to
     * search at 32 clients within its 2-s target, with no measurable cost to searches and Elasticsearch's CPU per
     * command within the machine's spread at 8 and 32 clients (BENCHMARKS.md, "Search refreshed every half second").
     * Applied to the live indexes at start; a rebuild's index refreshes only at its end.
     */
    private Duration refreshInterval = Duration.ofMillis(500);

    /** How long a request waits for Elasticsearch to accept the connection. */
    private Duration connectTimeout = Duration.ofSeconds(2);

    /** How long a user's search waits for its answer before it answers 503 {@code SEARCH_UNAVAILABLE}. */
    private Duration queryTimeout = Duration.ofSeconds(5);

    /** How long the health probe waits for the cluster's health. */
    private Duration healthTimeout = Duration.ofSeconds(2);

    /**
     * How long the projections' bulk writes and a rebuild's index operations wait for their answer (a rebuild asks
     * the cluster to wait up to 60 s for the new index's replicas).
     */
    private Duration writeTimeout = Duration.ofSeconds(90);

    public Duration getRefreshInterval() {
        return refreshInterval;
    }

    public void setRefreshInterval(Duration refreshInterval) {
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("familystation.search.refresh-interval must be positive, not "
                    + refreshInterval);
        }
        this.refreshInterval = refreshInterval;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getQueryTimeout() {
        return queryTimeout;
    }

    public void setQueryTimeout(Duration queryTimeout) {
        this.queryTimeout = queryTimeout;
    }

    public Duration getHealthTimeout() {
        return healthTimeout;
    }

    public void setHealthTimeout(Duration healthTimeout) {
        this.healthTimeout = healthTimeout;
    }

    public Duration getWriteTimeout() {
        return writeTimeout;
    }

    public void setWriteTimeout(Duration writeTimeout) {
        this.writeTimeout = writeTimeout;
    }

    public String getAlias() {
        return alias;
    }

    public void setAlias(String alias) {
        this.alias = alias;
    }

    public String getNeedsSurveyAlias() {
        return needsSurveyAlias;
    }

    public void setNeedsSurveyAlias(String needsSurveyAlias) {
        this.needsSurveyAlias = needsSurveyAlias;
    }

    public int getReplicas() {
        return replicas;
    }

    public void setReplicas(int replicas) {
        this.replicas = replicas;
    }
}
