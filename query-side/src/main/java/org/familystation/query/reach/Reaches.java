package org.familystation.query.reach;

import org.familystation.events.common.UnitLevel;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.security.AccessRefusals;
import org.familystation.platform.security.FamilyStationUser;
import org.familystation.platform.security.Role;
import org.familystation.query.common.QueryProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place that turns the signed-in user into their {@link Reach}, from {@code rm_org_unit}'s parent links.
 *
 * <p>Each unit's subtree is kept for a short time ({@code familystation.query.reach-cache-ttl}): units never move,
 * so a kept subtree only lacks units established since, and the unit projection forgets every kept subtree when it
 * sees one established on this node ({@link #forget()}); other query nodes see it after the time to live.
 */
@Component
public class Reaches {

    private static final String SUBTREE = """
            WITH RECURSIVE tree(unit_id) AS (
                SELECT unit_id FROM rm_org_unit WHERE unit_id = ?
                UNION ALL
                SELECT u.unit_id FROM rm_org_unit u JOIN tree t ON u.parent_id = t.unit_id)
            SELECT unit_id FROM tree""";

    private final JdbcTemplate jdbc;
    private final Duration timeToLive;
    private final Clock clock;
    private final Map<String, Kept> subtrees = new ConcurrentHashMap<>();

    public Reaches(JdbcTemplate jdbc, QueryProperties properties) {
        this.jdbc = jdbc;
        this.timeToLive = properties.getReachCacheTtl();
        this.clock = Clock.systemUTC();
    }

    /** The reach of the user signed in to the current request; refused with {@link AccessRefusals#NO_ACCESS} when there is none. */
    public Reach current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof FamilyStationUser user)) {
            throw DomainException.refuse(AccessRefusals.NO_ACCESS);
        }
        return of(user);
    }

    public Reach of(FamilyStationUser user) {
        Set<Role> roles = user.roles() == null ? Set.of() : user.roles();
        boolean stationSide = roles.stream().anyMatch(role -> role != Role.CENTRE_STAFF);
        String centre = roles.contains(Role.CENTRE_STAFF) ? user.centre() : null;
        if (roles.contains(Role.ADMIN)) {
            // Someone must establish the federation: an admin reads everything, with or without a unit.
            return new Reach(true, user.unitId(), Set.of(), null, centre, true);
        }
        Unit unit = user.unitId() == null ? null : unit(user.unitId());
        if (roles.isEmpty() || unit == null) {
            throw DomainException.refuse(AccessRefusals.NO_ACCESS);
        }
        if (AccessRefusals.reachesWholeNetwork(unit.level())) {
            return new Reach(true, user.unitId(), Set.of(), null, centre, stationSide);
        }
        return new Reach(false, user.unitId(), unit.subtree(), unit.wholeDistrict() ? unit.district() : null,
                centre, stationSide);
    }

    /** Forgets every kept subtree: a unit was established. */
    public void forget() {
        subtrees.clear();
    }

    /** The unit with its subtree, or null when no such unit exists (not remembered: it may be established soon). */
    private Unit unit(String unitId) {
        Instant now = clock.instant();
        Kept kept = subtrees.get(unitId);
        if (kept != null && kept.until().isAfter(now)) {
            return kept.unit();
        }
        List<Unit> found = jdbc.query("""
                        SELECT u.level, u.district, p.level AS parent_level
                        FROM rm_org_unit u LEFT JOIN rm_org_unit p ON p.unit_id = u.parent_id
                        WHERE u.unit_id = ?""",
                (row, index) -> {
                    UnitLevel level = UnitLevel.valueOf(row.getString("level"));
                    String district = row.getString("district");
                    Set<String> subtree = AccessRefusals.reachesWholeNetwork(level) ? Set.of()
                            : new HashSet<>(jdbc.queryForList(SUBTREE, String.class, unitId));
                    // A district's branch reads its district's counters only if every home of the district is its.
                    boolean wholeDistrict = level == UnitLevel.BRANCH_CENTRE && district != null
                            && UnitLevel.OPERATIONS_HQ.name().equals(row.getString("parent_level"))
                            && subtree.containsAll(jdbc.queryForList("SELECT unit_id FROM rm_org_unit"
                                    + " WHERE level = 'COMMUNITY_HOME' AND district = ?", String.class, district));
                    return new Unit(level, district, wholeDistrict, subtree);
                }, unitId);
        if (found.isEmpty()) {
            return null;
        }
        subtrees.put(unitId, new Kept(found.get(0), now.plus(timeToLive)));
        return found.get(0);
    }

    private record Unit(UnitLevel level, String district, boolean wholeDistrict, Set<String> subtree) {
    }

    private record Kept(Unit unit, Instant until) {
    }
}
