package org.familystation.platform.security;

import java.util.EnumSet;
import java.util.List;

/**
 * The documented demo accounts of the embedded default (README, "Accounts"). Never enabled with external servers
 * unless {@code familystation.security.demo-accounts=true}.
 */
final class DemoAccounts {

    private DemoAccounts() {
    }

    static List<FamilyStationUser> all() {
        return List.of(
                new FamilyStationUser("admin", "{noop}admin-demo", "市妇联管理员", "federation",
                        EnumSet.of(Role.ADMIN)),
                new FamilyStationUser("hq", "{noop}hq-demo", "运营总部审核员", "operations-hq",
                        EnumSet.of(Role.OPERATOR)),
                new FamilyStationUser("worker", "{noop}worker-demo", "社区社工", "community-home",
                        EnumSet.of(Role.STATION_WORKER)),
                new FamilyStationUser("auditor", "{noop}auditor-demo", "评估审计员", "federation",
                        EnumSet.of(Role.AUDITOR)));
    }
}
