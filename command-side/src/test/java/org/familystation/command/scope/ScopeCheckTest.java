package org.familystation.command.scope;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.familystation.command.account.ChangeOwnPassword;
import org.familystation.command.account.EnableAccount;
import org.familystation.command.common.CommonRefusals;
import org.familystation.command.common.FixedClock;
import org.familystation.command.funding.AllocateFunds;
import org.familystation.command.funding.Amount;
import org.familystation.command.funding.ReceiveFunds;
import org.familystation.command.funding.RecordExpenditure;
import org.familystation.command.needs.NeedsRefusals;
import org.familystation.command.needs.RecordNeedsSurvey;
import org.familystation.command.needs.VoidNeedsSurvey;
import org.familystation.command.network.EstablishUnit;
import org.familystation.command.network.NetworkRefusals;
import org.familystation.command.people.PeopleRefusals;
import org.familystation.command.people.MinutesHelped;
import org.familystation.command.people.RecordVolunteerHours;
import org.familystation.command.people.ReleaseSocialWorker;
import org.familystation.command.referral.AcceptReferral;
import org.familystation.command.referral.ReferCase;
import org.familystation.command.referral.WithdrawReferral;
import org.familystation.command.common.Reason;
import org.familystation.command.servicerecord.CorrectServiceRecord;
import org.familystation.command.servicerecord.RecordService;
import org.familystation.command.servicerecord.VoidServiceRecord;
import org.familystation.events.common.FundingSource;
import org.familystation.command.station.SuspendStation;
import org.familystation.events.common.UnitLevel;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.error.Refusal;
import org.familystation.platform.security.AccessRefusals;
import org.familystation.platform.security.FamilyStationUser;
import org.familystation.platform.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where a user may act (docs/design/scope-rules.md, "Acting"): the check in front of every command, on a small tree — the
 * federation, the headquarters, the 玄武区 and 鼓楼区 branch centres with a home and a station each, a city centre.
 */
class ScopeCheckTest {

    /** Ids and dates of new things, as the edge has read them (scope does not look at them). */
    private static final String NEW_ID = "5a6b7c8d-1e2f-4a3b-8c4d-5e6f7a8b9c0d";
    private static final Instant WHEN = Instant.parse("2026-11-19T06:30:00Z");
    private static final String FEDERATION = "federation";
    private static final String HQ = "hq";
    private static final String XUANWU = "xuanwu-branch";
    private static final String GULOU = "gulou-branch";
    private static final String XUANWU_HOME = "xuanwu-home";
    private static final String GULOU_HOME = "gulou-home";
    private static final String RIGHTS_CENTRE = "rights-centre";
    private static final String XUANWU_STATION = "xuanwu-station";
    private static final String GULOU_STATION = "gulou-station";

    private final InMemoryPlaceRegistry places = new InMemoryPlaceRegistry()
            .unit(FEDERATION, UnitLevel.FEDERATION, null)
            .unit(HQ, UnitLevel.OPERATIONS_HQ, FEDERATION)
            .unit(XUANWU, UnitLevel.BRANCH_CENTRE, HQ)
            .unit(GULOU, UnitLevel.BRANCH_CENTRE, HQ)
            .unit(XUANWU_HOME, UnitLevel.COMMUNITY_HOME, XUANWU)
            .unit(GULOU_HOME, UnitLevel.COMMUNITY_HOME, GULOU)
            .unit(RIGHTS_CENTRE, UnitLevel.CITY_CENTRE, HQ)
            .thing(Place.Station.class, XUANWU_STATION, XUANWU_HOME, null)
            .thing(Place.Station.class, GULOU_STATION, GULOU_HOME, null)
            .thing(Place.ServiceRecord.class, "xuanwu-record", XUANWU_HOME, null)
            .thing(Place.ServiceRecord.class, "gulou-record", GULOU_HOME, null)
            .thing(Place.NeedsSurvey.class, "gulou-survey", GULOU_HOME, null)
            .thing(Place.Referral.class, "xuanwu-rights-referral", XUANWU_HOME, "RIGHTS_SERVICE_CENTRE")
            .thing(Place.Referral.class, "gulou-domestic-referral", GULOU_HOME, "DOMESTIC_SERVICE_CENTRE")
            .thing(Place.Allocation.class, "fund/to-xuanwu", XUANWU_HOME, null)
            .thing(Place.Allocation.class, "fund/to-project", null, null)
            .thing(Place.SocialWorker.class, "unassigned-worker", null, null);
    private final ScopeCheck check = new ScopeCheck(places);

    private static FamilyStationUser user(String unitId, Role... roles) {
        return new FamilyStationUser("someone", "{noop}x", "someone", unitId,
                roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles), null);
    }

    private static FamilyStationUser centreStaff(String centre, Role... otherRoles) {
        return new FamilyStationUser("centre", "{noop}x", "centre", RIGHTS_CENTRE,
                EnumSet.of(Role.CENTRE_STAFF, otherRoles), centre);
    }

    private void allowed(Object command, FamilyStationUser user) {
        assertThatCode(() -> check.check(command, user)).doesNotThrowAnyException();
    }

    private void refused(Object command, FamilyStationUser user, Refusal refusal) {
        assertThatThrownBy(() -> check.check(command, user)).isInstanceOfSatisfying(DomainException.class,
                refused -> assertThat(refused.refusal()).isEqualTo(refusal));
    }

    private void unknown(Object command, FamilyStationUser user) {
        assertThatThrownBy(() -> check.check(command, user)).isInstanceOf(AggregateNotFoundException.class);
    }

    private static RecordService recordAt(String stationId) {
        return new RecordService(NEW_ID, stationId, null);
    }

    @Nested
    class AStationWorkerOfAHome {

        private final FamilyStationUser worker = user(XUANWU_HOME, Role.STATION_WORKER);

        @Test
        void actsAtTheStationOfTheirHome() {
            allowed(recordAt(XUANWU_STATION), worker);
            allowed(new CorrectServiceRecord("xuanwu-record", null, new Reason("笔误")), worker);
            allowed(ReferCase.read(NEW_ID, XUANWU_STATION, "RIGHTS_SERVICE_CENTRE", null, "案情", true, "WRITTEN"),
                    worker);
            allowed(WithdrawReferral.read("xuanwu-rights-referral", "当事人撤回"), worker);
            allowed(new RecordExpenditure("fund", "to-xuanwu", NEW_ID, new Amount(100), "场地", WHEN, null), worker);
            allowed(new RecordNeedsSurvey(NEW_ID, XUANWU_HOME, null), worker);
            allowed(new ChangeOwnPassword("their-account", "old-password", "a-new-password"), worker);
        }

        @Test
        void managesNoAccounts() {
            refused(new EnableAccount("their-account"), worker, AccessRefusals.WHOLE_NETWORK_ONLY);
        }

        @Test
        void isToldThatWhatIsElsewhereDoesNotExist() {
            refused(recordAt(GULOU_STATION), worker, CommonRefusals.STATION_UNKNOWN);
            unknown(new CorrectServiceRecord("gulou-record", null, new Reason("笔误")), worker);
            unknown(new VoidServiceRecord("gulou-record", new Reason("重复")), worker);
            unknown(new VoidNeedsSurvey("gulou-survey", new Reason("重复")), worker);
            unknown(WithdrawReferral.read("gulou-domestic-referral", "撤回"), worker);
            refused(new RecordNeedsSurvey(NEW_ID, GULOU_HOME, null), worker, NeedsRefusals.HOME_UNKNOWN);
            refused(new RecordVolunteerHours("volunteer", "gulou-record", MinutesHelped.of(60)), worker,
                    PeopleRefusals.SERVICE_RECORD_UNKNOWN);
        }

        @Test
        void getsTheSameAnswerForWhatDoesNotExistAtAll() {
            refused(recordAt("no-such-station"), worker, CommonRefusals.STATION_UNKNOWN);
            unknown(new VoidServiceRecord("no-such-record", new Reason("重复")), worker);
        }

        @Test
        void doesNothingNetworkWide() {
            refused(new ReceiveFunds(NEW_ID, FundingSource.SOCIAL_DONATION, "基金会", new Amount(100), WHEN, null), worker,
                    AccessRefusals.WHOLE_NETWORK_ONLY);
            refused(new RecordExpenditure("fund", "to-project", NEW_ID, new Amount(100), "场地", WHEN, null), worker,
                    AccessRefusals.WHOLE_NETWORK_ONLY);
        }
    }

    @Nested
    class ABranchCentreOperator {

        private final FamilyStationUser gulou = user(GULOU, Role.OPERATOR);

        @Test
        void actsAtTheHomesAndStationsOfTheirDistrict() {
            allowed(SuspendStation.read(GULOU_STATION, "场地维修", null, FixedClock.CLOCK), gulou);
            allowed(EstablishUnit.read(NEW_ID, "COMMUNITY_HOME", "新社区妇女儿童之家", GULOU, "鼓楼区",
                    "STANDARD"), gulou);
            allowed(EstablishUnit.read(NEW_ID, "BRANCH_CENTRE", "某街道妇儿活动中心", GULOU, "鼓楼区", null), gulou);
            allowed(new AllocateFunds("fund", NEW_ID, GULOU_STATION, null, new Amount(100), null, WHEN), gulou);
        }

        @Test
        void doesNotReachAnotherDistrict() {
            unknown(SuspendStation.read(XUANWU_STATION, "场地维修", null, FixedClock.CLOCK), gulou);
            refused(EstablishUnit.read(NEW_ID, "COMMUNITY_HOME", "新社区妇女儿童之家", XUANWU, "玄武区", "STANDARD"),
                    gulou, NetworkRefusals.PARENT_UNKNOWN);
            refused(new AllocateFunds("fund", NEW_ID, XUANWU_STATION, null, new Amount(100), null, WHEN), gulou,
                    CommonRefusals.STATION_UNKNOWN);
        }

        @Test
        void leavesNetworkWideThingsToTheFederationAndTheHeadquarters() {
            refused(EstablishUnit.read(NEW_ID, "CITY_CENTRE", "新中心", HQ, null, null), gulou,
                    AccessRefusals.WHOLE_NETWORK_ONLY);
            refused(new AllocateFunds("fund", NEW_ID, null, "HOUSEKEEPING", new Amount(100), null, WHEN), gulou,
                    AccessRefusals.WHOLE_NETWORK_ONLY);
            refused(new ReleaseSocialWorker("unassigned-worker", "调岗"), gulou, AccessRefusals.WHOLE_NETWORK_ONLY);
        }
    }

    @Test
    void theHeadquartersTheFederationAndAdministratorsReachTheWholeNetwork() {
        for (FamilyStationUser everywhere : List.of(user(HQ, Role.OPERATOR), user(FEDERATION, Role.OPERATOR),
                user(null, Role.ADMIN), user("not-established-yet", Role.ADMIN))) {
            allowed(SuspendStation.read(XUANWU_STATION, "场地维修", null, FixedClock.CLOCK), everywhere);
            allowed(new ReceiveFunds(NEW_ID, FundingSource.SOCIAL_DONATION, "基金会", new Amount(100), WHEN, null), everywhere);
            allowed(EstablishUnit.read(NEW_ID, "COMMUNITY_HOME", "新社区妇女儿童之家", XUANWU, "玄武区", "STANDARD"),
                    everywhere);
        }
    }

    @Nested
    class CentreStaff {

        @Test
        void actOnTheReferralsToTheirCentre() {
            allowed(new AcceptReferral("xuanwu-rights-referral"), centreStaff("RIGHTS_SERVICE_CENTRE"));
        }

        @Test
        void doNotActOnOtherCentresReferralsWhateverOtherRolesTheyHold() {
            unknown(new AcceptReferral("gulou-domestic-referral"), centreStaff("RIGHTS_SERVICE_CENTRE"));
            unknown(new AcceptReferral("gulou-domestic-referral"),
                    centreStaff("RIGHTS_SERVICE_CENTRE", Role.OPERATOR, Role.STATION_WORKER));
            unknown(new AcceptReferral("xuanwu-rights-referral"), centreStaff(null));
        }

        @Test
        void withdrawOnlyAtStationsInReachWhenTheyAlsoWorkAtAStation() {
            unknown(WithdrawReferral.read("xuanwu-rights-referral", "撤回"),
                    centreStaff("RIGHTS_SERVICE_CENTRE", Role.STATION_WORKER));
        }
    }

    @Test
    void anAccountWithoutRoleOrUnitOrWithAnUnknownUnitHasNoAccess() {
        refused(recordAt(XUANWU_STATION), user(XUANWU_HOME), AccessRefusals.NO_ACCESS);
        refused(recordAt(XUANWU_STATION), user(null, Role.STATION_WORKER), AccessRefusals.NO_ACCESS);
        refused(recordAt(XUANWU_STATION), user("no-such-unit", Role.OPERATOR), AccessRefusals.NO_ACCESS);
    }

    @Test
    void aCommandThatDoesNotSayWhereItActsIsRefused() {
        refused("not a scoped command", user(HQ, Role.OPERATOR), AccessRefusals.FORBIDDEN);
    }

    @Nested
    class AsTheDispatchInterceptor {

        @AfterEach
        void signOut() {
            SecurityContextHolder.clearContext();
        }

        @Test
        void checksTheSignedInUsersCommands() {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    user(XUANWU_HOME, Role.STATION_WORKER), null, List.of()));
            assertThatThrownBy(() -> check.handle(List.of()).apply(0,
                    GenericCommandMessage.asCommandMessage(recordAt(GULOU_STATION))))
                    .isInstanceOf(DomainException.class);
        }

        @Test
        void letsTheSystemsCommandsPass() {
            assertThatCode(() -> check.handle(List.of()).apply(0,
                    GenericCommandMessage.asCommandMessage(recordAt(GULOU_STATION)))).doesNotThrowAnyException();
        }
    }
}
