package org.familystation.platform.security;

import org.familystation.events.common.CityCentre;
import org.familystation.events.common.ReferenceScenario;

import java.util.EnumSet;
import java.util.List;

/**
 * The documented demo accounts of the embedded default (README, "Demo accounts"), bound to units of the Nanjing
 * reference scenario that the scenario loader builds: until it has run, only {@code admin} can act (docs/design/scope-rules.md:
 * a unit that does not exist gives no access). Never enabled with external servers unless
 * {@code familystation.security.demo-accounts=true}.
 */
final class DemoAccounts {

    private DemoAccounts() {
    }

    static List<FamilyStationUser> all() {
        return List.of(
                new FamilyStationUser("admin", "{noop}admin-demo", "市妇联管理员", ReferenceScenario.FEDERATION_ID,
                        EnumSet.of(Role.ADMIN), null),
                new FamilyStationUser("hq", "{noop}hq-demo", "运营总部审核员", ReferenceScenario.HEADQUARTERS_ID,
                        EnumSet.of(Role.OPERATOR), null),
                new FamilyStationUser("xuanwu", "{noop}xuanwu-demo", "玄武区妇女儿童活动中心工作人员",
                        ReferenceScenario.XUANWU_BRANCH_ID, EnumSet.of(Role.OPERATOR), null),
                new FamilyStationUser("worker", "{noop}worker-demo", "玄武区东园社区社工",
                        ReferenceScenario.XUANWU_PILOT_HOME_ID, EnumSet.of(Role.STATION_WORKER), null),
                centreStaff("domestic-centre", "巾帼家政服务中心工作人员", CityCentre.DOMESTIC_SERVICE_CENTRE),
                centreStaff("rights-centre", "妇女维权服务中心工作人员", CityCentre.RIGHTS_SERVICE_CENTRE),
                centreStaff("social-org-centre", "女性社会组织服务中心工作人员", CityCentre.SOCIAL_ORGANISATION_CENTRE),
                new FamilyStationUser("auditor", "{noop}auditor-demo", "评估审计员", ReferenceScenario.FEDERATION_ID,
                        EnumSet.of(Role.AUDITOR), null));
    }

    /** A city centre's staff: at the centre's unit, acting for that centre. */
    private static FamilyStationUser centreStaff(String username, String displayName, CityCentre centre) {
        return new FamilyStationUser(username, "{noop}" + username + "-demo", displayName,
                ReferenceScenario.cityCentreId(centre), EnumSet.of(Role.CENTRE_STAFF), centre.name());
    }
}
