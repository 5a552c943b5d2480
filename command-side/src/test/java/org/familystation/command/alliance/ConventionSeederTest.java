package org.familystation.command.alliance;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.familystation.events.common.Alliance;
import org.familystation.platform.error.DomainException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

/** The configured convention versions become recorded publications, once. */
class ConventionSeederTest {

    private CommandGateway commands;
    private InMemoryConventionRegistry conventions;
    private AllianceProperties properties;
    private ConventionSeeder seeder;

    @BeforeEach
    void setUp() {
        commands = mock(CommandGateway.class);
        conventions = new InMemoryConventionRegistry();
        properties = new AllianceProperties();
        seeder = new ConventionSeeder(conventions, commands, properties);
    }

    private static PublishConventionVersion publication(Alliance alliance, String version) {
        return new PublishConventionVersion(alliance, version, Duration.ofDays(30), ConventionSeeder.SUMMARY);
    }

    @Test
    void publishesTheConfiguredVersionsOfAnAllianceWithoutAny() {
        properties.setConventions(Map.of(Alliance.DOMESTIC_SERVICE, List.of("2014-1", "2020-1"),
                Alliance.PUBLIC_WELFARE, List.of("2014-1")));
        seeder.seed();
        verify(commands).sendAndWait(publication(Alliance.DOMESTIC_SERVICE, "2014-1"));
        verify(commands).sendAndWait(publication(Alliance.DOMESTIC_SERVICE, "2020-1"));
        verify(commands).sendAndWait(publication(Alliance.PUBLIC_WELFARE, "2014-1"));
        verifyNoMoreInteractions(commands);
    }

    @Test
    void leavesAnAllianceThatHasAPublishedVersion() {
        conventions.published(Alliance.DOMESTIC_SERVICE, "2026-1").published(Alliance.PUBLIC_WELFARE, "2014-1");
        seeder.seed();
        verifyNoMoreInteractions(commands);
    }

    @Test
    void acceptsThatAnotherNodePublishedFirst() {
        when(commands.sendAndWait(any()))
                .thenThrow(new AggregateStreamCreationException("exists"))
                .thenThrow(DomainException.refuse(AllianceRefusals.CONVENTION_VERSION_ALREADY_PUBLISHED, "2014-1"));
        assertThatCode(seeder::seed).doesNotThrowAnyException();
    }

    @Test
    void failsOnAnyOtherRefusal() {
        properties.setConventions(Map.of(Alliance.DOMESTIC_SERVICE, List.of(" ")));
        when(commands.sendAndWait(any()))
                .thenThrow(DomainException.refuse(AllianceRefusals.CONVENTION_VERSION_INVALID, 50));
        assertThatThrownBy(seeder::seed).isInstanceOf(DomainException.class);
    }
}
