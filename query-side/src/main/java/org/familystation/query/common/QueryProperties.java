package org.familystation.query.common;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.ZoneId;

/** Settings of the query side ({@code familystation.query.*}). */
@ConfigurationProperties("familystation.query")
public class QueryProperties {

    /** The users' time zone: months and days of dashboards and periods are counted in it. */
    private ZoneId timeZone = ZoneId.of("Asia/Shanghai");

    public ZoneId getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(ZoneId timeZone) {
        this.timeZone = timeZone;
    }
}
