package org.familystation.app.healing;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.familystation.app.support.Api;
import org.familystation.app.support.Eventually;
import org.familystation.app.support.Scenario;
import org.familystation.app.support.SharedSearch;
import org.familystation.app.support.StandaloneApplication;
import org.familystation.command.sagacommand.SagaCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands a saga decides on (here: withdrawing a suspended member's offerings) are retried with back-off until
 * they succeed or are refused, act once, and wait across a restart. Failures are injected by {@link Faults}, a
 * command-bus hook of this test's own application that fails every saga command while it is switched on.
 */
@SharedSearch.Used
class SagaCommandRetryTest {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    /** Fails every command sent from saga_command while {@link #failing} is on, as a database or node outage would. */
    public static class Faults implements MessageHandlerInterceptor<CommandMessage<?>> {

        final AtomicBoolean failing = new AtomicBoolean();

        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            if (failing.get() && unitOfWork.getMessage().getMetaData().containsKey(SagaCommands.COMMAND_ID)) {
                throw new IllegalStateException("injected failure of a saga command");
            }
            return chain.proceed();
        }
    }

    @Test
    void aFailedSagaCommandIsRetriedUntilItSucceedsAndActsOnce_aRefusedOneIsRecordedAndNotRetried() {
        try (StandaloneApplication application = StandaloneApplication.startOnSharedSearch(dataDir, Faults.class)) {
            Api api = application.api();
            Scenario scenario = new Scenario(api);
            JdbcTemplate jdbc = application.bean(JdbcTemplate.class);
            Faults faults = application.bean(Faults.class);
            String station = scenario.openStation("仙林家庭驿站", "栖霞区");

            // Retried with back-off while it fails, then succeeds once.
            String member = scenario.admittedMember("PUBLIC_WELFARE", "爱心妈妈QQ群");
            String offering = scenario.offer(member, station, "PSYCHOLOGICAL_COUNSELLING");
            faults.failing.set(true);
            suspend(api, member);
            String commandId = "WithdrawOffering:" + offering;
            Eventually.assertThat(() -> assertThat(attempts(jdbc, commandId)).isGreaterThanOrEqualTo(3));
            Map<String, Object> failing = row(jdbc, commandId);
            assertThat(failing.get("status")).isEqualTo("PENDING");
            assertThat((String) failing.get("last_error")).contains("injected failure");
            assertThat(pending(api)).anySatisfy(command -> {
                assertThat(command.path("commandId").asText()).isEqualTo(commandId);
                assertThat(command.path("lastError").asText()).contains("injected failure");
            });
            faults.failing.set(false);
            Eventually.assertThat(() -> assertThat(row(jdbc, commandId).get("status")).isEqualTo("DONE"));
            assertThat(withdrawals(jdbc, offering)).isEqualTo(1);
            Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/offerings/" + offering).body()
                    .path("active").asBoolean()).isFalse());

            // Refused: the offering was withdrawn by hand before the saga's command got through.
            String other = scenario.admittedMember("PUBLIC_WELFARE", "南京市月嫂联合会");
            String byHand = scenario.offer(other, station, "LEGAL_AID");
            faults.failing.set(true);
            suspend(api, other);
            String refusedId = "WithdrawOffering:" + byHand;
            Eventually.assertThat(() -> assertThat(attempts(jdbc, refusedId)).isGreaterThanOrEqualTo(1));
            Api.Response withdrawn = api.post("hq", "/api/offerings/" + byHand + "/withdrawal",
                    "{\"reason\": \"场地调整\"}");
            assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(204);
            faults.failing.set(false);
            Eventually.assertThat(() -> assertThat(row(jdbc, refusedId).get("status")).isEqualTo("REFUSED"));
            Map<String, Object> refused = row(jdbc, refusedId);
            assertThat(refused.get("refusal_code")).isEqualTo("OFFERING_ALREADY_WITHDRAWN");
            assertThat(withdrawals(jdbc, byHand)).isEqualTo(1);
            assertThat(pending(api)).anySatisfy(command -> {
                assertThat(command.path("commandId").asText()).isEqualTo(refusedId);
                assertThat(command.path("status").asText()).isEqualTo("REFUSED");
                assertThat(command.path("refusalCode").asText()).isEqualTo("OFFERING_ALREADY_WITHDRAWN");
            });

            // Not retried: another saga command goes through after it, and the refused one was not sent again.
            String third = scenario.admittedMember("PUBLIC_WELFARE", "金陵女子创梦空间");
            String later = scenario.offer(third, station, "FAMILY_EDUCATION");
            suspend(api, third);
            Eventually.assertThat(() -> assertThat(row(jdbc, "WithdrawOffering:" + later).get("status"))
                    .isEqualTo("DONE"));
            assertThat(attempts(jdbc, refusedId)).isEqualTo(((Number) refused.get("attempts")).intValue());
            assertThat(row(jdbc, refusedId).get("status")).isEqualTo("REFUSED");
        }
    }

    @Test
    void aPendingSagaCommandSurvivesARestart() {
        String offering;
        String commandId;
        try (StandaloneApplication first = StandaloneApplication.startOnSharedSearch(dataDir, Faults.class)) {
            Api api = first.api();
            Scenario scenario = new Scenario(api);
            JdbcTemplate jdbc = first.bean(JdbcTemplate.class);
            String station = scenario.openStation("尧化门家庭驿站", "栖霞区");
            String member = scenario.admittedMember("DOMESTIC_SERVICE", "乐斯家政");
            offering = scenario.offer(member, station, "PSYCHOLOGICAL_COUNSELLING");
            first.bean(Faults.class).failing.set(true);
            suspend(api, member);
            commandId = "WithdrawOffering:" + offering;
            // Its failure is recorded (a retry is due in a second), so no send is under way as the application stops.
            Eventually.assertThat(() -> assertThat((String) row(jdbc, commandId).get("last_error"))
                    .contains("injected failure"));
        }
        try (StandaloneApplication second = StandaloneApplication.startOnSharedSearch(dataDir, Faults.class)) {
            JdbcTemplate jdbc = second.bean(JdbcTemplate.class);
            Eventually.assertThat(() -> assertThat(row(jdbc, commandId).get("status")).isEqualTo("DONE"));
            assertThat(withdrawals(jdbc, offering)).isEqualTo(1);
            Eventually.assertThat(() -> assertThat(second.api().get("auditor", "/api/offerings/" + offering).body()
                    .path("active").asBoolean()).isFalse());
        }
    }

    private static void suspend(Api api, String member) {
        Api.Response suspended = api.post("hq", "/api/alliance-members/" + member + "/suspension",
                "{\"reason\": \"服务投诉待核查\"}");
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(204);
    }

    private static Map<String, Object> row(JdbcTemplate jdbc, String commandId) {
        return jdbc.queryForList("SELECT * FROM saga_command WHERE command_id = ?", commandId).stream().findFirst()
                .orElse(Map.of());
    }

    private static int attempts(JdbcTemplate jdbc, String commandId) {
        Object attempts = row(jdbc, commandId).get("attempts");
        return attempts == null ? 0 : ((Number) attempts).intValue();
    }

    private static long withdrawals(JdbcTemplate jdbc, String offering) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%.OfferingWithdrawn'", Long.class, offering);
    }

    private static Iterable<JsonNode> pending(Api api) {
        return api.get("admin", "/api/admin/saga-commands").body();
    }
}
