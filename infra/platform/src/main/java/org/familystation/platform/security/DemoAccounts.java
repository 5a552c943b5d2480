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
                        EnumSet.of(Role.ADMIN), null),
                new FamilyStationUser("hq", "{noop}hq-demo", "运营总部审核员", "operations-hq",
                        EnumSet.of(Role.OPERATOR), null),
                new FamilyStationUser("worker", "{noop}worker-demo", "社区社工", "community-home",
                        EnumSet.of(Role.STATION_WORKER), null),
                // One per city centre; the unit id is the centre's name, so each acts for its own centre only.
                new FamilyStationUser("domestic-centre", "{noop}domestic-centre-demo", "巾帼家政服务中心工作人员",
                        "DOMESTIC_SERVICE_CENTRE", EnumSet.of(Role.CENTRE_STAFF), "DOMESTIC_SERVICE_CENTRE"),
                new FamilyStationUser("rights-centre", "{noop}rights-centre-demo", "妇女维权服务中心工作人员",
                        "RIGHTS_SERVICE_CENTRE", EnumSet.of(Role.CENTRE_STAFF), "RIGHTS_SERVICE_CENTRE"),
                new FamilyStationUser("social-org-centre", "{noop}social-org-centre-demo", "女性社会组织服务中心工作人员",
                        "SOCIAL_ORGANISATION_CENTRE", EnumSet.of(Role.CENTRE_STAFF), "SOCIAL_ORGANISATION_CENTRE"),
                new FamilyStationUser("auditor", "{noop}auditor-demo", "评估审计员", "federation",
                        EnumSet.of(Role.AUDITOR), null));
    }
}
