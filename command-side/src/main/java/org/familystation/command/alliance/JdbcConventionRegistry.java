package org.familystation.command.alliance;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.familystation.command.common.CommandRegistries;
import org.familystation.command.common.Registry;
import org.familystation.events.alliance.AllianceConventionPublished;
import org.familystation.events.common.Alliance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The convention registry in PostgreSQL ({@code cmd_alliance_convention}), kept by the publications themselves.
 * A version's ordinal is its publication's place in the alliance's convention stream, so "current" never depends
 * on clocks.
 */
@Component
@ProcessingGroup(CommandRegistries.PROCESSING_GROUP)
@Registry(tables = "cmd_alliance_convention", version = 1)
public class JdbcConventionRegistry implements ConventionRegistry {

    private final JdbcTemplate jdbc;

    public JdbcConventionRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isPublished(Alliance alliance, String conventionVersion) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM cmd_alliance_convention WHERE alliance = ? AND convention_version = ?)""",
                Boolean.class, alliance.name(), conventionVersion));
    }

    @Override
    public Optional<String> currentVersion(Alliance alliance) {
        return jdbc.queryForList("""
                SELECT convention_version FROM cmd_alliance_convention WHERE alliance = ?
                ORDER BY ordinal DESC LIMIT 1""", String.class, alliance.name()).stream().findFirst();
    }

    @EventHandler
    void on(AllianceConventionPublished event, @SequenceNumber long sequence) {
        jdbc.update("""
                INSERT INTO cmd_alliance_convention (alliance, convention_version, ordinal) VALUES (?, ?, ?)""",
                event.alliance().name(), event.conventionVersion(), sequence);
    }
}
