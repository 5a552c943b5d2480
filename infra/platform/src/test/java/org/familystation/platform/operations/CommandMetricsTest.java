package org.familystation.platform.operations;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandMetricsTest {

    @Test
    void timesEachCommandInTheSeriesOfItsNameOutcomeAndCode() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CommandMetrics metrics = new CommandMetrics(registry);
        GenericCommandMessage<String> command = new GenericCommandMessage<>(
                new GenericMessage<>("payload"), "org.familystation.command.servicerecord.RecordService");

        metrics.onMessageIngested(command).reportSuccess();
        metrics.onMessageIngested(command).reportSuccess();
        metrics.onMessageIngested(command).reportFailure(new ConcurrencyException("changed meanwhile"));

        String name = "RecordService";
        assertThat(timer(registry, name, "accepted", "none").count()).isEqualTo(2);
        assertThat(timer(registry, name, "conflict", "CONCURRENT_CHANGE").count()).isEqualTo(1);
        assertThat(registry.find(CommandMetrics.METER).timers()).hasSize(2);
    }

    private static Timer timer(SimpleMeterRegistry registry, String command, String outcome, String code) {
        return registry.get(CommandMetrics.METER)
                .tags("command", command, "outcome", outcome, "code", code).timer();
    }
}
