package org.familystation.app.support;

import org.familystation.events.common.CityCentre;
import org.familystation.events.common.ReferenceScenario;
import org.familystation.platform.security.AccountDirectory;
import org.familystation.platform.security.FamilyStationUser;
import org.familystation.platform.security.Role;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts that tests create at run time, bound to the units the tests establish (whose ids are random), in front of
 * the configured and demo accounts. Each signs in as {@link Api} does: password {@code <username>-demo}.
 *
 * <p>One demo account is replaced: {@code worker}, a station worker at the headquarters, whose reach is the whole
 * network, so that tests about something else may record at the stations they open anywhere. Tests of scope sign in
 * as workers bound to a home ({@link #at}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestAccounts {

    private static final AtomicLong SERIAL = new AtomicLong();
    private static final Map<String, FamilyStationUser> ACCOUNTS = new ConcurrentHashMap<>();

    static {
        put("worker", ReferenceScenario.HEADQUARTERS_ID, EnumSet.of(Role.STATION_WORKER), null);
    }

    /** A new account at the unit with these roles; answers its username. */
    public static String at(String unitId, Role... roles) {
        return register(unitId, roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles), null);
    }

    /** A new account of the centre's staff (at the centre's unit), holding these other roles as well. */
    public static String centreStaff(CityCentre centre, Role... otherRoles) {
        Set<Role> roles = EnumSet.of(Role.CENTRE_STAFF, otherRoles);
        return register(ReferenceScenario.cityCentreId(centre), roles, centre.name());
    }

    /** Makes {@code username} sign in as a user of the unit with the role; answers the username. */
    public static String bind(String username, String unitId, Role role, String centre) {
        put(username, unitId, EnumSet.of(role), centre);
        return username;
    }

    /**
     * Establishes the federation and the headquarters (once per application, with the reference scenario's ids the
     * demo accounts stand at) and waits until {@code hq} and {@code auditor} read within them: before the read side
     * knows their units, they have no access to station-scoped data.
     */
    public static void awaitNetwork(Api api, Scenario scenario) {
        scenario.headquarters();
        Eventually.assertThat(() -> {
            assertThat(api.get("auditor", "/api/stations?size=1").status()).isEqualTo(200);
            assertThat(api.get("hq", "/api/stations?size=1").status()).isEqualTo(200);
        });
    }

    /** A new account with these roles and no unit. */
    public static String withoutUnit(Role... roles) {
        return at(null, roles);
    }

    private static String register(String unitId, Set<Role> roles, String centre) {
        String username = "test-" + SERIAL.incrementAndGet();
        put(username, unitId, roles, centre);
        return username;
    }

    private static void put(String username, String unitId, Set<Role> roles, String centre) {
        Set<Role> granted = EnumSet.noneOf(Role.class);
        granted.addAll(roles);
        ACCOUNTS.put(username, new FamilyStationUser(username, "{noop}" + username + "-demo", username, unitId,
                granted, centre));
    }

    @Bean
    @Primary
    public AccountDirectory testAccountDirectory(@Qualifier("accountDirectory") AccountDirectory configured) {
        return username -> Optional.ofNullable(ACCOUNTS.get(username)).or(() -> configured.find(username));
    }
}
