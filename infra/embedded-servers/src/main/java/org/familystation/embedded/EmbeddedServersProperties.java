package org.familystation.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the embedded servers, started only when no external server is configured
 * ({@code spring.datasource.url}, {@code familystation.elasticsearch.url}).
 *
 * @param dataDir  folder below which the embedded servers keep their data ({@code postgres/}, {@code elasticsearch/});
 *                 it survives restarts
 * @param embedded per-server settings
 */
@ConfigurationProperties("familystation")
public record EmbeddedServersProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Embedded embedded) {

    /**
     * @param supervised a server that dies is started again (on the same port and data); a test that shows what a
     *                   dead server looks like to the application switches it off
     */
    public record Embedded(@DefaultValue Postgres postgres, @DefaultValue Elasticsearch elasticsearch,
                           @DefaultValue("true") boolean supervised) {
    }

    /**
     * @param durable fsync and synchronous commit on, so a committed event survives a crash of the machine; tests
     *                switch it off for speed
     */
    public record Postgres(@DefaultValue("true") boolean durable) {
    }

    /**
     * @param heap           JVM heap of the server (-Xms and -Xmx), e.g. 512m
     * @param distribution   the Elasticsearch distribution zip; by default the one the build resolved into the local
     *                       Maven repository
     * @param startupTimeout how long the server may take from launch to a yellow cluster
     */
    public record Elasticsearch(@DefaultValue("512m") String heap, Path distribution,
                                @DefaultValue("120s") Duration startupTimeout) {
    }
}
