package org.familystation.app.support;

import org.familystation.platform.security.AccountDirectory;
import org.familystation.platform.security.FamilyStationUser;
import org.familystation.platform.security.Role;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test-only accounts bound to the units a test creates (signed in as {@code Api} does: password
 * {@code <username>-demo}); the demo accounts {@code auditor} and {@code hq} are bound to the federation and the
 * headquarters the tests established, once they exist. (Folds into the test accounts of the command side's scope
 * work.)
 */
@Configuration
public class UnitAccounts {

    private static final Map<String, FamilyStationUser> BOUND = new ConcurrentHashMap<>();
    /**
     * The demo accounts that read station-scoped data in tests, and the level of the unit each stands at here (an
     * admin reaches the whole network without one).
     */
    private static final Map<String, String> DEMO_UNIT_LEVELS = Map.of("hq", "OPERATIONS_HQ", "auditor", "FEDERATION");

    /** Makes {@code username} sign in as a user of the unit with the role; returns the username. */
    public static String bind(String username, String unitId, Role role, String centre) {
        BOUND.put(username, new FamilyStationUser(username, "{noop}" + username + "-demo", username, unitId,
                EnumSet.of(role), centre));
        return username;
    }

    /**
     * Establishes the federation and the headquarters (once per application) and waits until {@code hq} and
     * {@code auditor} stand at them: before, they have no unit, and no access to station-scoped data.
     */
    public static void awaitNetwork(Api api, Scenario scenario) {
        scenario.headquarters();
        Eventually.assertThat(() -> {
            assertThat(api.get("auditor", "/api/stations?size=1").status()).isEqualTo(200);
            assertThat(api.get("hq", "/api/stations?size=1").status()).isEqualTo(200);
        });
    }

    @Bean
    @Primary
    AccountDirectory boundAccounts(@Qualifier("configuredAccounts") AccountDirectory configured, JdbcTemplate jdbc) {
        return username -> Optional.ofNullable(BOUND.get(username))
                .or(() -> configured.find(username).map(user -> {
                    String level = DEMO_UNIT_LEVELS.get(user.username());
                    if (level == null) {
                        return user;
                    }
                    List<String> units = jdbc.queryForList("SELECT unit_id FROM rm_org_unit WHERE level = ?"
                            + " ORDER BY established_at, unit_id LIMIT 1", String.class, level);
                    return units.isEmpty() ? user : new FamilyStationUser(user.username(), user.password(),
                            user.displayName(), units.get(0), user.roles(), user.centre());
                }));
    }
}
