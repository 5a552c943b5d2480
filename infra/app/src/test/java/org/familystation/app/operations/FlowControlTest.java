package org.familystation.app.operations;

import com.fasterxml.jackson.databind.JsonNode;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Eventually;
import org.familystation.platform.operations.ChangeAdmission;
import org.familystation.platform.operations.OperationsProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flow control on the shared application, with a projection held back for real: while a transaction holds a lock
 * on the service records' read model, the read models' processor cannot write its batch and falls behind the
 * records still being stored; the node then lets changes in fewer at a time (never fewer than a quarter), and lets
 * them in all at once again once the processor has caught up. Changes are never refused for it. The admin API shows
 * where it stands.
 */
class FlowControlTest extends ApplicationTest {

    @Autowired
    private FilterRegistrationBean<ChangeAdmission> admission;
    @Autowired
    private OperationsProperties operations;
    @Autowired
    private DataSource dataSource;

    @Test
    void changesRunFewerAtATimeWhileAProjectionIsBehindAndAllAtOnceWhenItHasCaughtUp() throws Exception {
        String station = scenario.openStation("清凉山家庭驿站", "鼓楼区");
        String member = scenario.admittedMember("PUBLIC_WELFARE", "清凉山读书会");
        int most = operations.getConcurrentChanges();
        assertThat(most).as("four per core").isGreaterThanOrEqualTo(4);
        Eventually.assertThat(() -> assertThat(limit()).as("nothing is behind").isEqualTo(most));

        String held;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement lock = connection.createStatement()) {
                lock.execute("LOCK TABLE rm_service_record IN SHARE MODE");
            }
            held = scenario.recordService(station, "CULTURE", "FAMILY_EDUCATION", member, "清凉山读书会第一次",
                    "2026-11-28T10:00:00+08:00", 5);
            Eventually.assertThat(() -> assertThat(limit()).as("two steps down, a second or more behind")
                    .isLessThanOrEqualTo(most - 2));
            String meanwhile = scenario.recordService(station, "CULTURE", "FAMILY_EDUCATION", member,
                    "清凉山读书会第二次", "2026-11-29T10:00:00+08:00", 5);
            assertThat(meanwhile).as("a change still goes through, fewer at a time").isNotBlank();
            Eventually.assertThat(() -> assertThat(limit()).as("held back, down to the floor")
                    .isEqualTo(most / 4));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM rm_service_record WHERE service_record_id = ?",
                    Long.class, held)).as("the projection is indeed held").isZero();
            JsonNode holding = api.get("admin", "/api/admin/changes").body();
            assertThat(holding.path("on").asBoolean()).as(holding.toString()).isTrue();
            assertThat(holding.path("limit").asInt()).as(holding.toString()).isEqualTo(most / 4);
            assertThat(holding.path("fewest").asInt()).isEqualTo(most / 4);
            assertThat(holding.path("most").asInt()).isEqualTo(most);
            assertThat(holding.path("targetMillis").asLong()).isEqualTo(operations.getReadSideLagTarget().toMillis());
            assertThat(holding.path("slowestProcessor").asText()).as(holding.toString()).isNotBlank();
            assertThat(holding.path("slowestBehindMillis").asLong()).as(holding.toString())
                    .isGreaterThan(operations.getReadSideLagTarget().toMillis());
            connection.rollback();
        }

        Eventually.assertThat(() -> assertThat(limit()).as("caught up: all at once again").isEqualTo(most));
        JsonNode caughtUp = api.get("admin", "/api/admin/changes").body();
        assertThat(caughtUp.path("limit").asInt()).as(caughtUp.toString()).isEqualTo(most);
        assertThat(caughtUp.path("slowestBehindMillis").asLong()).as(caughtUp.toString())
                .isLessThan(operations.getReadSideLagTarget().toMillis());
        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/service-records/" + held).status())
                .isEqualTo(200));
    }

    private int limit() {
        return admission.getFilter().limit();
    }
}
