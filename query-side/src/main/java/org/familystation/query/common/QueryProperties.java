package org.familystation.query.common;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.ZoneId;

/** Settings of the query side ({@code familystation.query.*}). */
@ConfigurationProperties("familystation.query")
public class QueryProperties {

    /** The users' time zone: months and days of dashboards and periods are counted in it. */
    private ZoneId timeZone = ZoneId.of("Asia/Shanghai");

    /**
     * How many dashboard answers each node keeps ({@link AnswerCache}, least recently used dropped first; 0 keeps
     * none): a kept answer costs one token-store query instead of its own several GROUP BYs, and each is a few KB.
     */
    private int answerCacheSize = 256;

    /**
     * How long each node keeps a unit's subtree for users' reach ({@code Reaches}); a unit established on another
     * node is in reach after this time at the latest.
     */
    private Duration reachCacheTtl = Duration.ofSeconds(30);

    /**
     * How long a query carrying a minimum event position ({@code minPosition}, {@code X-Min-Event-Position}) waits
     * for the read side to reach it ({@code ReadModelWait}) before it answers what it has, marked stale.
     */
    private Duration readYourWritesTimeout = Duration.ofSeconds(5);

    /**
     * How long an exact count of the audit trail ({@code /api/audit/events/count}) may run before it is refused; it
     * visits every entry of its selection (about 0.1 s per million entries on an idle two-core machine).
     */
    private Duration auditCountTimeout = Duration.ofSeconds(20);

    public Duration getAuditCountTimeout() {
        return auditCountTimeout;
    }

    public void setAuditCountTimeout(Duration auditCountTimeout) {
        this.auditCountTimeout = auditCountTimeout;
    }

    public Duration getReadYourWritesTimeout() {
        return readYourWritesTimeout;
    }

    public void setReadYourWritesTimeout(Duration readYourWritesTimeout) {
        this.readYourWritesTimeout = readYourWritesTimeout;
    }

    public ZoneId getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(ZoneId timeZone) {
        this.timeZone = timeZone;
    }

    public Duration getReachCacheTtl() {
        return reachCacheTtl;
    }

    public void setReachCacheTtl(Duration reachCacheTtl) {
        this.reachCacheTtl = reachCacheTtl;
    }

    public int getAnswerCacheSize() {
        return answerCacheSize;
    }

    public void setAnswerCacheSize(int answerCacheSize) {
        this.answerCacheSize = answerCacheSize;
    }
}
