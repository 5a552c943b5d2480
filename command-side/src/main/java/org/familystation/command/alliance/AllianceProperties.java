package org.familystation.command.alliance;

import org.familystation.events.common.Alliance;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Settings of the alliances ({@code familystation.alliance.*}). */
@ConfigurationProperties("familystation.alliance")
public class AllianceProperties {

    /**
     * The convention versions an alliance starts with, oldest first ({@code conventions.<ALLIANCE>}): published at
     * start-up, through the same command as any publication, for an alliance that has none published yet.
     */
    private Map<Alliance, List<String>> conventions = new EnumMap<>(Map.of(
            Alliance.DOMESTIC_SERVICE, List.of("2014-1"),
            Alliance.PUBLIC_WELFARE, List.of("2014-1")));

    /** The grace period for signing the versions published from {@link #conventions}. */
    private Duration conventionGracePeriod = Duration.ofDays(30);

    /** How long an expelled organisation may not apply to the same alliance again (from its expulsion). */
    private Duration expulsionBan = Duration.ofDays(365);

    public Map<Alliance, List<String>> getConventions() {
        return conventions;
    }

    public void setConventions(Map<Alliance, List<String>> conventions) {
        this.conventions = conventions;
    }

    public Duration getConventionGracePeriod() {
        return conventionGracePeriod;
    }

    public void setConventionGracePeriod(Duration conventionGracePeriod) {
        this.conventionGracePeriod = conventionGracePeriod;
    }

    public Duration getExpulsionBan() {
        return expulsionBan;
    }

    public void setExpulsionBan(Duration expulsionBan) {
        this.expulsionBan = expulsionBan;
    }
}
