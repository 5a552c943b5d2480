package org.familystation.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.familystation.app.support.Api;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Eventually;
import org.familystation.app.support.Scenario;
import org.familystation.app.support.TestAccounts;
import org.familystation.events.common.CityCentre;
import org.familystation.platform.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.web.filter.ServletRequestPathFilter;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The permission matrix (issue 10, "Done means"): every operation of the OpenAPI document × every kind of user × a
 * target in the user's scope and one out of it, with the answer the rule table below expects (docs/design/scope-rules.md).
 * An operation of the document without a rule fails the test, so a new endpoint cannot slip in unclassified.
 *
 * <p>In scope means in 玄武区, at the home of the station worker; out of scope means in 鼓楼区 (and, for referrals,
 * addressed to another centre than the centre staff's). Every allowed write gets fresh targets, so each answers 2xx
 * (the rows marked {@code refusalOk} accept the domain's 409/422 where a valid call would change the world of other
 * tests). Reads are checked on a world built once and waited for on the read side. Run with
 * {@code -Dfamilystation.matrix.skipReads=true} to check the writes only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixTest extends ApplicationTest {

    private static final boolean READS = !Boolean.getBoolean("familystation.matrix.skipReads");

    @Autowired
    ConfigurableApplicationContext context;

    /** The kinds of users of docs/design/scope-rules.md. */
    enum Who { ADMIN, HQ_OPERATOR, BRANCH_OPERATOR, STATION_WORKER, CENTRE_STAFF, AUDITOR, NO_ROLE }

    enum Scope { IN, OUT }

    enum Answer { OK, UNKNOWN, FORBIDDEN, NO_ACCESS }

    /** How far an operation's target is scoped. */
    enum Kind {
        /** Anyone with access, anything (reference data, lists and dashboards that count only what is in reach). */
        OPEN,
        /** Network-wide writes: whole-network reach only. */
        NETWORK,
        /** A target that belongs to a unit: in reach or answered as unknown. */
        SCOPED,
        /** A referral: as SCOPED, and the centre staff reach the referrals to their own centre. */
        REFERRAL,
        /** Network-wide data (a fund): read with whole-network reach, unknown to everyone else. */
        NETWORK_DATA
    }

    private static final Set<Who> EVERYONE = EnumSet.complementOf(EnumSet.of(Who.NO_ROLE));
    private static final Set<Who> WHOLE_NETWORK = EnumSet.of(Who.ADMIN, Who.HQ_OPERATOR, Who.AUDITOR);
    private static final Set<Who> OPERATORS = EnumSet.of(Who.ADMIN, Who.HQ_OPERATOR, Who.BRANCH_OPERATOR);
    private static final Set<Who> STATION_WORK = EnumSet.of(Who.ADMIN, Who.HQ_OPERATOR, Who.BRANCH_OPERATOR,
            Who.STATION_WORKER);
    private static final Set<Who> CENTRES = EnumSet.of(Who.ADMIN, Who.CENTRE_STAFF);
    private static final Set<Who> ADMINS = EnumSet.of(Who.ADMIN);
    private static final Set<Who> AUDIT = EnumSet.of(Who.ADMIN, Who.AUDITOR);
    private static final Set<Who> OVERSIGHT = EnumSet.of(Who.ADMIN, Who.HQ_OPERATOR, Who.BRANCH_OPERATOR,
            Who.AUDITOR);

    /**
     * Signing in and out and changing one's own password: not gated by role or place (each user acts as themselves);
     * AccountsAndSignInTest covers them.
     */
    private static final Set<String> SIGN_IN = Set.of("POST /api/session", "GET /api/session", "DELETE /api/session",
            "POST /api/session/password");

    private static final String SERVICE = """
            {"stationPoint": "EMOTIONAL", "projectCode": "PSYCHOLOGICAL_COUNSELLING", "providerKind": "SOCIAL_WORKER",
             "socialWorkerIds": ["%s"], "deliveredAt": "2026-11-20T02:00:00Z", "participantCount": 6,
             "description": "权限矩阵心理疏导"}""";
    private static final String SURVEY = """
            {"surveyedOn": "2026-11-02", "channel": "COMMUNITY_VISIT", "respondentCount": 12,
             "needs": [{"categoryCode": "HOUSEKEEPING", "count": 5}]}""";
    private static final String REASON = "{\"reason\": \"权限矩阵\"}";

    private final Map<Who, String> users = new EnumMap<>(Who.class);
    private final AtomicInteger serial = new AtomicInteger();
    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private World world;

    /** A call: where, with which body (null: none). */
    record Call(String path, String body) {
    }

    /** Where an operation is called, for a target in or out of scope. */
    interface Target {
        Call at(Scope scope);
    }

    /**
     * One row of the table: who may call the operation by role, how its target is scoped, what an unknown target
     * answers (status and code), and whether an allowed call may meet a domain refusal (409/422) or 404 instead of
     * succeeding.
     */
    record Rule(String operation, Set<Who> roles, Kind kind, Target target, int unknownStatus, String unknownCode,
                boolean refusalOk) {

        Answer expected(Who who, Scope scope) {
            if (who == Who.NO_ROLE) {
                return Answer.NO_ACCESS;
            }
            if (!roles.contains(who)) {
                return Answer.FORBIDDEN;
            }
            boolean wholeNetwork = WHOLE_NETWORK.contains(who);
            return switch (kind) {
                case OPEN -> Answer.OK;
                case NETWORK -> wholeNetwork ? Answer.OK : Answer.FORBIDDEN;
                case SCOPED -> wholeNetwork || (scope == Scope.IN && who != Who.CENTRE_STAFF)
                        ? Answer.OK : Answer.UNKNOWN;
                case REFERRAL -> wholeNetwork || scope == Scope.IN ? Answer.OK : Answer.UNKNOWN;
                case NETWORK_DATA -> wholeNetwork ? Answer.OK : Answer.UNKNOWN;
            };
        }

        boolean scoped() {
            return kind == Kind.SCOPED || kind == Kind.REFERRAL || kind == Kind.NETWORK_DATA;
        }
    }

    /** What reads look at: one of everything in scope and out of scope, built once. */
    record World(String stationIn, String stationOut, String homeIn, String homeOut, String recordIn,
                 String recordOut, String surveyIn, String surveyOut, String referralIn, String referralOut,
                 String fund, String allocationIn, String allocationOut, String expenditureIn,
                 String expenditureOut, String socialWorkerIn, String socialWorkerOut, String volunteerIn,
                 String volunteerOut, String staffIn, String staffOut, String member, String offering,
                 String specialty) {

        String station(Scope scope) {
            return scope == Scope.IN ? stationIn : stationOut;
        }

        String home(Scope scope) {
            return scope == Scope.IN ? homeIn : homeOut;
        }
    }

    @BeforeAll
    void buildTheWorld() {
        String xuanwu = scenario.branchCentre("玄武区");
        scenario.branchCentre("鼓楼区");
        String[] in = station("玄武区");
        String[] out = station("鼓楼区");
        users.put(Who.ADMIN, "admin");
        users.put(Who.HQ_OPERATOR, "hq");
        users.put(Who.BRANCH_OPERATOR, TestAccounts.at(xuanwu, Role.OPERATOR));
        users.put(Who.STATION_WORKER, TestAccounts.at(in[0], Role.STATION_WORKER));
        users.put(Who.CENTRE_STAFF, TestAccounts.centreStaff(CityCentre.RIGHTS_SERVICE_CENTRE));
        users.put(Who.AUDITOR, "auditor");
        users.put(Who.NO_ROLE, TestAccounts.at(in[0]));

        String fund = created("/api/funds", """
                {"source": "SOCIAL_DONATION", "donor": "权限矩阵基金会", "amountFen": 100000000,
                 "receivedAt": "2026-11-01T00:00:00Z"}""");
        String allocationIn = allocation(fund, in[1]);
        String allocationOut = allocation(fund, out[1]);
        String specialty = "MATRIX_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)
                .toUpperCase(Locale.ROOT);
        created("/api/catalogues/SPECIALTY_SERVICE", """
                {"code": "%s", "name": "权限矩阵特色服务"}""".formatted(specialty));
        String member = scenario.admittedMember("PUBLIC_WELFARE", "权限矩阵公益社");
        world = new World(in[1], out[1], in[0], out[0], record(in[1]), record(out[1]), survey(in[0]),
                survey(out[0]), referral(in[1], "RIGHTS_SERVICE_CENTRE", "LEGAL_AID"),
                referral(out[1], "DOMESTIC_SERVICE_CENTRE", "HOUSEKEEPING_PLACEMENT"), fund, allocationIn,
                allocationOut, expenditure(fund, allocationIn), expenditure(fund, allocationOut),
                assignedSocialWorker(in[1]), assignedSocialWorker(out[1]), volunteer(in[0]), volunteer(out[0]),
                staff(in[0]), staff(out[0]), member, scenario.offer(member, in[1], "PSYCHOLOGICAL_COUNSELLING"),
                specialty);
        defineRules();
    }

    @Test
    void everyOperationOfTheApiHasARule() {
        Set<String> operations = operations();
        assertThat(operations).as("the OpenAPI document's operations").hasSizeGreaterThan(90);
        Set<String> unclassified = new TreeSet<>(operations);
        unclassified.removeAll(rules.keySet());
        assertThat(operations).as("the sign-in operations").containsAll(SIGN_IN);
        unclassified.removeAll(SIGN_IN);
        assertThat(unclassified).as("operations without a rule in the permission matrix").isEmpty();
        Set<String> stale = new TreeSet<>(rules.keySet());
        stale.removeAll(operations);
        assertThat(stale).as("rules for operations the API no longer has").isEmpty();
    }

    /**
     * The matrix below runs through Spring Security's chain without the Spring MVC handler lookup that Spring
     * Security puts before it whenever Spring MVC is present (SecurityConfiguration); the filter that parses the
     * request's path once for the path-pattern matchers stays.
     */
    @Test
    void theSecurityChainRunsWithoutAHandlerLookupBeforeIt() {
        BeanDefinition chain = context.getBeanFactory().getBeanDefinition("springSecurityFilterChain");
        List<String> types = new ArrayList<>();
        definitionTypes(chain, types);
        assertThat(types).as("the types the chain is defined with").noneMatch(type -> type.contains("HandlerMapping"))
                .contains(ServletRequestPathFilter.class.getName());
        assertThat(context.getBean("springSecurityFilterChain")).isInstanceOf(FilterChainProxy.class);
    }

    private static void definitionTypes(Object value, List<String> types) {
        if (value instanceof BeanDefinition definition) {
            types.add(String.valueOf(definition.getBeanClassName()));
            definition.getConstructorArgumentValues().getIndexedArgumentValues().values()
                    .forEach(argument -> definitionTypes(argument.getValue(), types));
        } else if (value instanceof List<?> list) {
            list.forEach(element -> definitionTypes(element, types));
        }
    }

    @TestFactory
    Iterator<DynamicTest> everyOperationAnswersEveryUserAsTheRulesSay() {
        if (READS) {
            awaitTheReadSide();
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Rule rule : rules.values()) {
            if (!READS && rule.operation().startsWith("GET ")) {
                continue;
            }
            for (Scope scope : rule.scoped() ? List.of(Scope.IN, Scope.OUT) : List.of(Scope.IN)) {
                for (Who who : Who.values()) {
                    Answer expected = rule.expected(who, scope);
                    tests.add(DynamicTest.dynamicTest(rule.operation() + " " + who + " " + scope + " → " + expected,
                            () -> check(rule, who, scope, expected)));
                }
            }
        }
        return tests.iterator();
    }

    private void check(Rule rule, Who who, Scope scope, Answer expected) {
        Call call = rule.target().at(scope);
        HttpMethod method = HttpMethod.valueOf(rule.operation().substring(0, rule.operation().indexOf(' ')));
        Api.Response response = api.send(method, users.get(who), call.path(), call.body(), Map.of());
        String seen = rule.operation() + " as " + who + ", " + scope + " of scope, expected " + expected + ": "
                + response;
        assertThat(response.status()).as(seen).isLessThan(500);
        switch (expected) {
            case OK -> assertThat(response.status() / 100 == 2
                    || (rule.refusalOk() && Set.of(404, 409, 422).contains(response.status()))).as(seen).isTrue();
            case UNKNOWN -> {
                assertThat(response.status()).as(seen).isEqualTo(rule.unknownStatus());
                if (rule.unknownCode() != null) {
                    assertThat(response.code()).as(seen).isEqualTo(rule.unknownCode());
                } else {
                    // A list under something unknown is empty, as it is under something out of reach.
                    JsonNode body = response.body();
                    assertThat(body.isArray() ? body.size() : body.path("total").asInt(-1)).as(seen).isZero();
                }
            }
            case FORBIDDEN -> {
                assertThat(response.status()).as(seen).isEqualTo(403);
                assertThat(response.code()).as(seen).isEqualTo("FORBIDDEN");
            }
            case NO_ACCESS -> {
                assertThat(response.status()).as(seen).isEqualTo(403);
                assertThat(response.code()).as(seen).isEqualTo("NO_ACCESS");
            }
        }
    }

    /** Every operation of the OpenAPI document, as "METHOD /path/{template}". */
    private Set<String> operations() {
        JsonNode paths = api.get(null, "/v3/api-docs").body().path("paths");
        Set<String> operations = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method ->
                operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return operations;
    }

    private void rule(String operation, Set<Who> roles, Kind kind, Target target) {
        rule(operation, roles, kind, target, 404, "NOT_FOUND", false);
    }

    private void rule(String operation, Set<Who> roles, Kind kind, Target target, int unknownStatus,
                      String unknownCode, boolean refusalOk) {
        assertThat(rules.put(operation, new Rule(operation, roles, kind, target, unknownStatus, unknownCode,
                refusalOk))).as("two rules for " + operation).isNull();
    }

    private static Target fixed(String path) {
        return scope -> new Call(path, null);
    }

    private static Target post(String path, String body) {
        return scope -> new Call(path, body);
    }

    private static Target scoped(Function<Scope, String> path) {
        return scope -> new Call(path.apply(scope), null);
    }

    private void defineRules() {
        World w = world;
        // --- Writes: the network.
        rule("POST /api/units", OPERATORS, Kind.SCOPED, scope -> new Call("/api/units", """
                {"level": "COMMUNITY_HOME", "name": "矩阵%d社区妇女儿童之家", "parentUnitId": "%s", "district": "%s",
                 "tier": "STANDARD"}""".formatted(serial.incrementAndGet(),
                scenario.branchCentre(district(scope)), district(scope))), 422, "PARENT_UNKNOWN", false);
        rule("POST /api/units/{unitId}/rating", OPERATORS, Kind.SCOPED, scope -> new Call(
                "/api/units/" + home(scope) + "/rating",
                "{\"tier\": \"STANDARD\", \"reason\": \"复核后调整为普通之家\"}"));
        rule("POST /api/catalogues/{kind}", OPERATORS, Kind.NETWORK, scope -> new Call(
                "/api/catalogues/SPECIALTY_SERVICE", "{\"code\": \"%s\", \"name\": \"矩阵特色\"}".formatted(code())));
        rule("POST /api/catalogues/{kind}/{code}/retirement", OPERATORS, Kind.NETWORK, scope -> {
            String code = code();
            created("/api/catalogues/SPECIALTY_SERVICE", "{\"code\": \"%s\", \"name\": \"矩阵特色\"}".formatted(code));
            return new Call("/api/catalogues/SPECIALTY_SERVICE/" + code + "/retirement", REASON);
        });
        // --- Writes: stations.
        rule("POST /api/stations", OPERATORS, Kind.SCOPED, scope -> new Call("/api/stations", """
                {"communityHomeId": "%s", "stationName": "矩阵%d家庭驿站"}""".formatted(home(scope),
                serial.incrementAndGet())), 422, "COMMUNITY_HOME_UNKNOWN", false);
        rule("POST /api/stations/{stationId}/points/{point}/activation", OPERATORS, Kind.SCOPED, scope -> {
            String station = station(district(scope))[1];
            noContent("/api/stations/" + station + "/points/CULTURE/deactivation", REASON);
            return new Call("/api/stations/" + station + "/points/CULTURE/activation", REASON);
        });
        rule("POST /api/stations/{stationId}/points/{point}/deactivation", OPERATORS, Kind.SCOPED,
                scope -> new Call("/api/stations/" + station(district(scope))[1] + "/points/CULTURE/deactivation",
                        REASON));
        rule("POST /api/stations/{stationId}/specialties", OPERATORS, Kind.SCOPED,
                scope -> new Call("/api/stations/" + station(district(scope))[1] + "/specialties",
                        "{\"specialtyCode\": \"" + w.specialty() + "\"}"));
        rule("POST /api/stations/{stationId}/specialties/{code}/retirement", OPERATORS, Kind.SCOPED, scope -> {
            String station = station(district(scope))[1];
            noContent("/api/stations/" + station + "/specialties", "{\"specialtyCode\": \"" + w.specialty() + "\"}");
            return new Call("/api/stations/" + station + "/specialties/" + w.specialty() + "/retirement", REASON);
        });
        rule("POST /api/stations/{stationId}/suspension", OPERATORS, Kind.SCOPED,
                scope -> new Call("/api/stations/" + station(district(scope))[1] + "/suspension", REASON));
        rule("POST /api/stations/{stationId}/reopening", OPERATORS, Kind.SCOPED, scope -> {
            String station = station(district(scope))[1];
            noContent("/api/stations/" + station + "/suspension", REASON);
            return new Call("/api/stations/" + station + "/reopening", REASON);
        });
        rule("POST /api/stations/{stationId}/closure", OPERATORS, Kind.SCOPED,
                scope -> new Call("/api/stations/" + station(district(scope))[1] + "/closure", REASON));
        // --- Writes: services, needs, referrals.
        rule("POST /api/stations/{stationId}/service-records", STATION_WORK, Kind.SCOPED,
                scope -> new Call("/api/stations/" + w.station(scope) + "/service-records", service(w.station(scope))), 404,
                "STATION_UNKNOWN", false);
        rule("POST /api/service-records/{serviceRecordId}/corrections", STATION_WORK, Kind.SCOPED,
                scope -> new Call("/api/service-records/" + record(w.station(scope)) + "/corrections",
                        "{\"changes\": {\"participantCount\": 7}, \"reason\": \"人数记错\"}"));
        rule("POST /api/service-records/{serviceRecordId}/voiding", STATION_WORK, Kind.SCOPED,
                scope -> new Call("/api/service-records/" + record(w.station(scope)) + "/voiding", REASON));
        rule("POST /api/units/{homeId}/needs-surveys", STATION_WORK, Kind.SCOPED,
                scope -> new Call("/api/units/" + w.home(scope) + "/needs-surveys", SURVEY), 404, "HOME_UNKNOWN",
                false);
        rule("POST /api/needs-surveys/{surveyId}/corrections", STATION_WORK, Kind.SCOPED,
                scope -> new Call("/api/needs-surveys/" + survey(w.home(scope)) + "/corrections",
                        "{\"changes\": {\"respondentCount\": 13}, \"reason\": \"复核\"}"));
        rule("POST /api/needs-surveys/{surveyId}/voiding", STATION_WORK, Kind.SCOPED,
                scope -> new Call("/api/needs-surveys/" + survey(w.home(scope)) + "/voiding", REASON));
        rule("POST /api/stations/{stationId}/referrals", STATION_WORK, Kind.SCOPED,
                scope -> new Call("/api/stations/" + w.station(scope) + "/referrals", referralBody(
                        "RIGHTS_SERVICE_CENTRE", "LEGAL_AID")), 404, "STATION_UNKNOWN", false);
        rule("POST /api/referrals/{referralId}/withdrawal", STATION_WORK, Kind.SCOPED,
                scope -> new Call("/api/referrals/" + referral(scope, 0) + "/withdrawal", REASON));
        rule("POST /api/referrals/{referralId}/acceptance", CENTRES, Kind.REFERRAL,
                scope -> new Call("/api/referrals/" + referral(scope, 0) + "/acceptance", null));
        rule("POST /api/referrals/{referralId}/decline", CENTRES, Kind.REFERRAL,
                scope -> new Call("/api/referrals/" + referral(scope, 0) + "/decline", REASON));
        rule("POST /api/referrals/{referralId}/work", CENTRES, Kind.REFERRAL,
                scope -> new Call("/api/referrals/" + referral(scope, 1) + "/work", null));
        rule("POST /api/referrals/{referralId}/resolution", CENTRES, Kind.REFERRAL,
                scope -> new Call("/api/referrals/" + referral(scope, 2) + "/resolution",
                        "{\"outcome\": \"已协助办结\"}"));
        rule("POST /api/referrals/{referralId}/closure", CENTRES, Kind.REFERRAL,
                scope -> new Call("/api/referrals/" + referral(scope, 3) + "/closure", null));
        // --- Writes: alliances, conventions, offerings (network-wide).
        rule("POST /api/alliance-applications", OPERATORS, Kind.NETWORK, scope -> new Call(
                "/api/alliance-applications", application()));
        rule("POST /api/alliance-members/{memberId}/review", OPERATORS, Kind.NETWORK,
                scope -> new Call("/api/alliance-members/" + member(0) + "/review",
                        "{\"decision\": \"APPROVE\", \"notes\": \"材料齐全\"}"));
        rule("POST /api/alliance-members/{memberId}/convention-signature", OPERATORS, Kind.NETWORK,
                scope -> new Call("/api/alliance-members/" + member(1) + "/convention-signature",
                        signature()));
        rule("POST /api/alliance-members/{memberId}/admission", OPERATORS, Kind.NETWORK,
                scope -> new Call("/api/alliance-members/" + member(2) + "/admission", null));
        rule("POST /api/alliance-members/{memberId}/suspension", OPERATORS, Kind.NETWORK,
                scope -> new Call("/api/alliance-members/" + member(3) + "/suspension", REASON));
        rule("POST /api/alliance-members/{memberId}/reinstatement", OPERATORS, Kind.NETWORK, scope -> {
            String member = member(3);
            noContent("/api/alliance-members/" + member + "/suspension", REASON);
            return new Call("/api/alliance-members/" + member + "/reinstatement", REASON);
        });
        rule("POST /api/alliance-members/{memberId}/expulsion", OPERATORS, Kind.NETWORK,
                scope -> new Call("/api/alliance-members/" + member(3) + "/expulsion", REASON));
        rule("POST /api/alliance-members/{memberId}/withdrawal", OPERATORS, Kind.NETWORK,
                scope -> new Call("/api/alliance-members/" + member(3) + "/withdrawal", REASON));
        // Publishing a new version would make every admitted member of other tests owe a signature: the current
        // version again, refused as already published, shows the call passed the checks of who and where.
        rule("POST /api/alliances/{alliance}/conventions", OPERATORS, Kind.NETWORK,
                scope -> new Call("/api/alliances/PUBLIC_WELFARE/conventions", """
                        {"conventionVersion": "%s", "gracePeriod": "P30D", "summary": "权限矩阵"}"""
                        .formatted(scenario.currentConvention("PUBLIC_WELFARE"))), 404, "NOT_FOUND", true);
        rule("POST /api/alliance-members/{memberId}/offerings", OPERATORS, Kind.NETWORK,
                scope -> new Call("/api/alliance-members/" + member(3) + "/offerings", offeringBody(w.stationIn())));
        rule("POST /api/offerings/{offeringId}/withdrawal", OPERATORS, Kind.NETWORK, scope -> {
            String offering = created("/api/alliance-members/" + member(3) + "/offerings",
                    offeringBody(w.stationIn()));
            return new Call("/api/offerings/" + offering + "/withdrawal", REASON);
        });
        // --- Writes: money.
        rule("POST /api/funds", OPERATORS, Kind.NETWORK, post("/api/funds", """
                {"source": "SOCIAL_DONATION", "donor": "爱心企业", "amountFen": 100000,
                 "receivedAt": "2026-11-01T00:00:00Z"}"""));
        rule("POST /api/funds/{fundId}/allocations", OPERATORS, Kind.SCOPED,
                scope -> new Call("/api/funds/" + w.fund() + "/allocations", """
                        {"stationId": "%s", "amountFen": 100}""".formatted(w.station(scope))), 404,
                "STATION_UNKNOWN", false);
        rule("POST /api/funds/{fundId}/allocations/{allocationId}/expenditures", STATION_WORK, Kind.SCOPED,
                scope -> new Call("/api/funds/" + w.fund() + "/allocations/" + allocation(w.fund(), w.station(scope))
                        + "/expenditures", expenditureBody()), 404, "ALLOCATION_UNKNOWN", false);
        rule("POST /api/funds/{fundId}/allocations/{allocationId}/release", OPERATORS, Kind.SCOPED,
                scope -> new Call("/api/funds/" + w.fund() + "/allocations/" + allocation(w.fund(), w.station(scope))
                        + "/release", REASON), 404, "ALLOCATION_UNKNOWN", false);
        // --- Writes: people.
        rule("POST /api/social-workers", OPERATORS, Kind.NETWORK, scope -> new Call("/api/social-workers", """
                {"name": "矩阵社工", "qualification": "SOCIAL_WORKER", "headquartersId": "%s"}"""
                .formatted(scenario.headquarters())));
        rule("POST /api/social-workers/{socialWorkerId}/assignment", OPERATORS, Kind.SCOPED,
                scope -> new Call("/api/social-workers/" + socialWorker() + "/assignment",
                        "{\"stationId\": \"%s\"}".formatted(w.station(scope))), 404, "STATION_UNKNOWN", false);
        rule("POST /api/social-workers/{socialWorkerId}/release", OPERATORS, Kind.SCOPED,
                scope -> new Call("/api/social-workers/" + assignedSocialWorker(w.station(scope)) + "/release",
                        REASON));
        rule("POST /api/federation-staff", OPERATORS, Kind.SCOPED, scope -> new Call("/api/federation-staff", """
                {"name": "矩阵妇工", "unitId": "%s"}""".formatted(w.home(scope))), 404, "UNIT_UNKNOWN", false);
        rule("POST /api/volunteers", OPERATORS, Kind.SCOPED, scope -> new Call("/api/volunteers",
                volunteerBody(w.home(scope))), 404, "UNIT_UNKNOWN", false);
        rule("POST /api/volunteers/{volunteerId}/hours", STATION_WORK, Kind.SCOPED,
                scope -> new Call("/api/volunteers/" + w.volunteerIn() + "/hours", """
                        {"serviceRecordId": "%s", "minutes": 90}""".formatted(record(w.station(scope)))), 404,
                "SERVICE_RECORD_UNKNOWN", false);
        // --- Accounts and personal data: administrators only, network-wide.
        rule("POST /api/accounts", ADMINS, Kind.NETWORK, scope -> new Call("/api/accounts", accountBody()));
        rule("POST /api/accounts/{account}/access", ADMINS, Kind.NETWORK, scope -> new Call(
                "/api/accounts/" + account() + "/access",
                "{\"unitId\": \"%s\", \"roles\": [\"AUDITOR\"]}".formatted(w.homeIn())));
        rule("POST /api/accounts/{account}/disablement", ADMINS, Kind.NETWORK,
                scope -> new Call("/api/accounts/" + account() + "/disablement", REASON));
        rule("POST /api/accounts/{account}/enablement", ADMINS, Kind.NETWORK, scope -> {
            String account = account();
            noContent("/api/accounts/" + account + "/disablement", REASON);
            return new Call("/api/accounts/" + account + "/enablement", null);
        });
        rule("POST /api/accounts/{account}/password-reset", ADMINS, Kind.NETWORK, scope -> new Call(
                "/api/accounts/" + account() + "/password-reset", "{\"newPassword\": \"Matrix-reset-2026\"}"));
        rule("POST /api/personal-data/erasures", ADMINS, Kind.NETWORK, scope -> new Call(
                "/api/personal-data/erasures", """
                {"subjectKind": "VOLUNTEER", "subjectId": "%s", "reason": "本人申请删除（权限矩阵）"}"""
                .formatted(volunteer(w.homeIn()))));
        // --- Operating the read side: administrators only. Nothing is rebuilt or dead here, so an administrator's
        // call names something that does not exist and answers 404.
        rule("POST /api/admin/processors/{name}/rebuild", ADMINS, Kind.OPEN,
                fixed("/api/admin/processors/matrix-no-such-processor/rebuild"), 404, "NOT_FOUND", true);
        rule("POST /api/admin/dead-letters/{group}/{eventId}/retry", ADMINS, Kind.OPEN,
                fixed("/api/admin/dead-letters/matrix/" + UUID.randomUUID() + "/retry"), 404, "NOT_FOUND", true);
        rule("DELETE /api/admin/dead-letters/{group}/{eventId}", ADMINS, Kind.OPEN,
                fixed("/api/admin/dead-letters/matrix/" + UUID.randomUUID()), 404, "NOT_FOUND", true);
        rule("GET /api/admin/processors", ADMINS, Kind.OPEN, fixed("/api/admin/processors"));
        rule("GET /api/admin/changes", ADMINS, Kind.OPEN, fixed("/api/admin/changes"));
        // Imports: started by those who record (which kinds, ImportKind says); a job is its starter's alone, so an
        // unknown job answers everyone 404. Uploading needs a file the matrix does not send: an unknown kind's 404.
        rule("POST /api/imports/{kind}", STATION_WORK, Kind.OPEN, fixed("/api/imports/matrix-no-such-kind"), 404,
                "IMPORT_KIND_UNKNOWN", true);
        rule("GET /api/imports/{kind}/template", EVERYONE, Kind.OPEN, fixed("/api/imports/services/template"));
        String job = "/api/import-jobs/" + UUID.randomUUID();
        rule("GET /api/import-jobs/{jobId}", EVERYONE, Kind.OPEN, fixed(job), 404, "IMPORT_JOB_UNKNOWN", true);
        rule("GET /api/import-jobs/{jobId}/rows", EVERYONE, Kind.OPEN, fixed(job + "/rows"), 404,
                "IMPORT_JOB_UNKNOWN", true);
        rule("GET /api/import-jobs/{jobId}/report.xlsx", EVERYONE, Kind.OPEN, fixed(job + "/report.xlsx"), 404,
                "IMPORT_JOB_UNKNOWN", true);
        rule("GET /api/admin/processors/{name}", ADMINS, Kind.OPEN,
                fixed("/api/admin/processors/matrix-no-such-processor"), 404, "NOT_FOUND", true);
        rule("GET /api/admin/rebuilds", ADMINS, Kind.OPEN, fixed("/api/admin/rebuilds"));
        rule("GET /api/admin/rebuilds/{id}", ADMINS, Kind.OPEN, fixed("/api/admin/rebuilds/" + UUID.randomUUID()),
                404, "NOT_FOUND", true);
        rule("GET /api/admin/dead-letters", ADMINS, Kind.OPEN, fixed("/api/admin/dead-letters"));
        rule("GET /api/admin/saga-commands", ADMINS, Kind.OPEN, fixed("/api/admin/saga-commands"));
        rule("GET /api/admin/backup", ADMINS, Kind.OPEN, fixed("/api/admin/backup"));
        rule("GET /api/admin/dead-letters/{group}/{eventId}", ADMINS, Kind.OPEN,
                fixed("/api/admin/dead-letters/matrix/" + UUID.randomUUID()), 404, "NOT_FOUND", true);
        defineReadRules();
    }

    /** Reads (docs/design/scope-rules.md, "Reading"): reference data for everyone, station-scoped data in reach only. */
    private void defineReadRules() {
        World w = world;
        rule("GET /api/units", EVERYONE, Kind.OPEN, fixed("/api/units"));
        rule("GET /api/units/{unitId}", EVERYONE, Kind.OPEN, fixed("/api/units/" + w.homeOut()));
        rule("GET /api/catalogues/{kind}", EVERYONE, Kind.OPEN, fixed("/api/catalogues/SERVICE_PROJECT"));
        rule("GET /api/alliances/{alliance}/conventions", EVERYONE, Kind.OPEN,
                fixed("/api/alliances/PUBLIC_WELFARE/conventions"));
        rule("GET /api/alliance-members", EVERYONE, Kind.OPEN, fixed("/api/alliance-members"));
        rule("GET /api/alliance-members/{memberId}", EVERYONE, Kind.OPEN, fixed("/api/alliance-members/"
                + w.member()));
        rule("GET /api/offerings", EVERYONE, Kind.OPEN, fixed("/api/offerings"));
        rule("GET /api/offerings/{offeringId}", EVERYONE, Kind.OPEN, fixed("/api/offerings/" + w.offering()));
        rule("GET /api/stations/{stationId}/offerings", EVERYONE, Kind.OPEN,
                fixed("/api/stations/" + w.stationIn() + "/offerings"));
        rule("GET /api/funds", EVERYONE, Kind.OPEN, fixed("/api/funds"));
        rule("GET /api/funds/{fundId}", EVERYONE, Kind.NETWORK_DATA, fixed("/api/funds/" + w.fund()), 404,
                "FUND_NOT_FOUND", false);
        // Lists, search and dashboards answer everyone with access, counting only what is in reach.
        for (String list : List.of("/api/stations", "/api/referrals", "/api/service-records/search?q=心理疏导",
                "/api/needs-surveys/search?q=家政", "/api/dashboard/summary", "/api/dashboard/network",
                "/api/dashboard/needs", "/api/dashboard/referrals", "/api/dashboard/funding",
                "/api/dashboard/volunteer-hours", "/api/volunteers", "/api/social-workers", "/api/federation-staff")) {
            rule("GET " + list.replaceFirst("\\?.*", ""), EVERYONE, Kind.OPEN, fixed(list));
        }
        // Their Excel exports are answered from the same lists for the same user.
        for (String list : List.of("/api/stations", "/api/referrals", "/api/dashboard/summary", "/api/dashboard/needs",
                "/api/dashboard/referrals", "/api/dashboard/funding", "/api/dashboard/volunteer-hours",
                "/api/volunteers", "/api/social-workers", "/api/federation-staff", "/api/funds",
                "/api/alliance-members")) {
            rule("GET " + list + ".xlsx", EVERYONE, Kind.OPEN, fixed(list + ".xlsx"));
        }
        rule("GET /api/volunteers/{volunteerId}/hours", EVERYONE, Kind.OPEN,
                fixed("/api/volunteers/" + w.volunteerIn() + "/hours"));
        // One station-scoped entity: in reach, or answered as unknown.
        rule("GET /api/stations/{stationId}", EVERYONE, Kind.SCOPED,
                scoped(scope -> "/api/stations/" + w.station(scope)), 404,
                "STATION_NOT_FOUND", false);
        rule("GET /api/stations/{stationId}/service-records", EVERYONE, Kind.SCOPED,
                scoped(scope -> "/api/stations/" + w.station(scope) + "/service-records"), 200, null, false);
        // Its Excel export answers a workbook, not a count: what it holds out of reach is XlsxExportTest's to check.
        rule("GET /api/stations/{stationId}/service-records.xlsx", EVERYONE, Kind.OPEN,
                fixed("/api/stations/" + w.stationIn() + "/service-records.xlsx"));
        rule("GET /api/stations/{stationId}/funding", EVERYONE, Kind.SCOPED,
                scoped(scope -> "/api/stations/" + w.station(scope) + "/funding"), 404,
                "STATION_NOT_FOUND", false);
        rule("GET /api/stations/{stationId}/social-workers", EVERYONE, Kind.SCOPED,
                scoped(scope -> "/api/stations/" + w.station(scope) + "/social-workers"), 200, null, false);
        rule("GET /api/service-records/{serviceRecordId}", EVERYONE, Kind.SCOPED,
                scoped(scope -> "/api/service-records/" + (scope == Scope.IN ? w.recordIn() : w.recordOut())), 404,
                "SERVICE_RECORD_NOT_FOUND", false);
        rule("GET /api/service-records/{serviceRecordId}/people", EVERYONE, Kind.SCOPED,
                scoped(scope -> "/api/service-records/" + (scope == Scope.IN ? w.recordIn() : w.recordOut())
                        + "/people"), 404, "SERVICE_RECORD_NOT_FOUND", false);
        rule("GET /api/needs-surveys/{surveyId}", EVERYONE, Kind.SCOPED,
                scoped(scope -> "/api/needs-surveys/" + (scope == Scope.IN ? w.surveyIn() : w.surveyOut())), 404,
                "NEEDS_SURVEY_NOT_FOUND", false);
        rule("GET /api/units/{homeId}/needs-surveys", EVERYONE, Kind.SCOPED,
                scoped(scope -> "/api/units/" + w.home(scope) + "/needs-surveys"), 200, null, false);
        rule("GET /api/referrals/{referralId}", EVERYONE, Kind.REFERRAL,
                scoped(scope -> "/api/referrals/" + (scope == Scope.IN ? w.referralIn() : w.referralOut())), 404,
                "REFERRAL_NOT_FOUND", false);
        rule("GET /api/funds/{fundId}/allocations/{allocationId}", EVERYONE, Kind.SCOPED,
                scoped(scope -> "/api/funds/" + w.fund() + "/allocations/"
                        + (scope == Scope.IN ? w.allocationIn() : w.allocationOut())), 404,
                "ALLOCATION_NOT_FOUND", false);
        rule("GET /api/funds/{fundId}/allocations/{allocationId}/expenditures/{expenditureId}", EVERYONE,
                Kind.SCOPED, scoped(scope -> "/api/funds/" + w.fund() + "/allocations/"
                        + (scope == Scope.IN ? w.allocationIn() + "/expenditures/" + w.expenditureIn()
                        : w.allocationOut() + "/expenditures/" + w.expenditureOut())), 404,
                "EXPENDITURE_NOT_FOUND", false);
        rule("GET /api/social-workers/{socialWorkerId}", EVERYONE, Kind.SCOPED, scoped(scope ->
                "/api/social-workers/" + (scope == Scope.IN ? w.socialWorkerIn() : w.socialWorkerOut())), 404,
                "SOCIAL_WORKER_NOT_FOUND", false);
        rule("GET /api/volunteers/{volunteerId}", EVERYONE, Kind.SCOPED,
                scoped(scope -> "/api/volunteers/" + (scope == Scope.IN ? w.volunteerIn() : w.volunteerOut())), 404,
                "VOLUNTEER_NOT_FOUND", false);
        rule("GET /api/federation-staff/{staffId}", EVERYONE, Kind.SCOPED,
                scoped(scope -> "/api/federation-staff/" + (scope == Scope.IN ? w.staffIn() : w.staffOut())), 404,
                "FEDERATION_STAFF_NOT_FOUND", false);
        rule("GET /api/history/{kind}/{id}", EVERYONE, Kind.SCOPED,
                scoped(scope -> "/api/history/stations/" + w.station(scope)), 404,
                "HISTORY_NOT_FOUND", false);
        // Oversight: the audit trail for administrators and auditors; the past and evaluations for them and
        // the operators (each counting what is in reach).
        for (String audit : List.of("/api/audit/events", "/api/audit/events.csv", "/api/audit/events.jsonl",
                "/api/audit/events.xlsx", "/api/audit/events/count")) {
            rule("GET " + audit, AUDIT, Kind.OPEN, fixed(audit));
        }
        rule("GET /api/audit/case-reads", AUDIT, Kind.OPEN, fixed("/api/audit/case-reads"));
        rule("GET /api/accounts", ADMINS, Kind.OPEN, fixed("/api/accounts"));
        rule("GET /api/accounts/{account}", ADMINS, Kind.OPEN, fixed("/api/accounts/admin"), 404,
                "ACCOUNT_NOT_FOUND", true);
        rule("GET /api/as-of", OVERSIGHT, Kind.OPEN, fixed("/api/as-of?date=2026-11-30"));
        rule("GET /api/evaluations", OVERSIGHT, Kind.OPEN, fixed("/api/evaluations?from=2026-11-01&to=2026-11-30"));
    }

    // --- The world, and fresh targets.

    private static String district(Scope scope) {
        return scope == Scope.IN ? "玄武区" : "鼓楼区";
    }

    private String code() {
        return "MATRIX_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
    }

    private String accountBody() {
        return """
                {"username": "matrix-%d", "displayName": "矩阵账号", "unitId": "%s", "roles": ["STATION_WORKER"],
                 "initialPassword": "Matrix-initial-2026"}""".formatted(serial.incrementAndGet(), world.homeIn());
    }

    /** A new account, created by the administrator: its id. */
    private String account() {
        return created("/api/accounts", accountBody());
    }

    /** A new community home of the district. */
    private String home(Scope scope) {
        return scenario.communityHome("矩阵" + serial.incrementAndGet() + "社区妇女儿童之家", district(scope),
                "PROVINCIAL_DEMONSTRATION");
    }

    /** A station at a new home of the district: {home, station}. */
    private String[] station(String district) {
        String home = scenario.communityHome("矩阵" + serial.incrementAndGet() + "社区妇女儿童之家", district,
                "PROVINCIAL_DEMONSTRATION");
        String station = created("/api/stations", """
                {"communityHomeId": "%s", "stationName": "矩阵%d家庭驿站", "openedAt": "%s"}"""
                .formatted(home, serial.incrementAndGet(), Scenario.OPENED_AT));
        return new String[] {home, station};
    }

    private String record(String station) {
        return created("/api/stations/" + station + "/service-records", service(station));
    }

    /** A service by a social worker assigned to the station (an unknown station has none: it is refused first). */
    private String service(String station) {
        String worker = socialWorkers.computeIfAbsent(station, at -> {
            Api.Response recruited = api.post("hq", "/api/social-workers", """
                    {"name": "矩阵社工", "headquartersId": "%s"}""".formatted(scenario.headquarters()));
            assertThat(recruited.status()).as(recruited.toString()).isEqualTo(201);
            int assigned = api.post("hq", "/api/social-workers/" + recruited.id() + "/assignment",
                    "{\"stationId\": \"%s\"}".formatted(at)).status();
            return assigned == 204 ? recruited.id() : "no-social-worker";
        });
        return SERVICE.formatted(worker);
    }

    private final java.util.Map<String, String> socialWorkers = new java.util.HashMap<>();

    private String survey(String home) {
        return created("/api/units/" + home + "/needs-surveys", SURVEY);
    }

    private static String referralBody(String centre, String category) {
        return """
                {"centre": "%s", "category": "%s", "summary": "家庭纠纷需要专业介入", "consentGiven": true,
                 "consentMethod": "WRITTEN"}""".formatted(centre, category);
    }

    private String referral(String station, String centre, String category) {
        return created("/api/stations/" + station + "/referrals", referralBody(centre, category));
    }

    /**
     * A new referral in scope (at the worker's station, to the centre staff's centre) or out of it (at the 鼓楼区
     * station, to another centre), taken by the administrator through {@code steps} of accepted, in progress,
     * resolved.
     */
    private String referral(Scope scope, int steps) {
        String id = scope == Scope.IN ? referral(world.stationIn(), "RIGHTS_SERVICE_CENTRE", "LEGAL_AID")
                : referral(world.stationOut(), "DOMESTIC_SERVICE_CENTRE", "HOUSEKEEPING_PLACEMENT");
        List<String[]> path = List.of(new String[] {"/acceptance", null}, new String[] {"/work", null},
                new String[] {"/resolution", "{\"outcome\": \"已协助办结\"}"});
        for (String[] step : path.subList(0, steps)) {
            noContent("/api/referrals/" + id + step[0], step[1]);
        }
        return id;
    }

    private String allocation(String fund, String station) {
        return created("/api/funds/" + fund + "/allocations", """
                {"stationId": "%s", "amountFen": 100000, "allocatedAt": "2026-11-01T00:00:00Z"}""".formatted(station));
    }

    private static String expenditureBody() {
        return """
                {"amountFen": 100, "purpose": "活动物料", "spentAt": "2026-11-20T14:00:00+08:00",
                 "voucherNumber": "记-矩阵"}""";
    }

    private String expenditure(String fund, String allocation) {
        return created("/api/funds/" + fund + "/allocations/" + allocation + "/expenditures", expenditureBody());
    }

    private String socialWorker() {
        return created("/api/social-workers", """
                {"name": "矩阵社工", "qualification": "SOCIAL_WORKER", "headquartersId": "%s"}"""
                .formatted(scenario.headquarters()));
    }

    private String assignedSocialWorker(String station) {
        String worker = socialWorker();
        noContent("/api/social-workers/" + worker + "/assignment", "{\"stationId\": \"%s\"}".formatted(station));
        return worker;
    }

    private String volunteerBody(String home) {
        return """
                {"name": "矩阵志愿者", "volunteerNumber": "JZ%d%s", "homeUnitId": "%s"}"""
                .formatted(serial.incrementAndGet(), UUID.randomUUID().toString().substring(0, 8), home);
    }

    private String volunteer(String home) {
        return created("/api/volunteers", volunteerBody(home));
    }

    private String staff(String unit) {
        return created("/api/federation-staff", "{\"name\": \"矩阵妇工\", \"unitId\": \"%s\"}".formatted(unit));
    }

    private String application() {
        return """
                {"alliance": "PUBLIC_WELFARE", "organisationName": "矩阵公益社%d",
                 "organisationType": "SOCIAL_ORGANISATION", "creditCode": "%s", "contactPerson": "联系人"}"""
                .formatted(serial.incrementAndGet(),
                Scenario.newCreditCode());
    }

    private String signature() {
        return "{\"conventionVersion\": \"%s\", \"signatory\": \"负责人\"}"
                .formatted(scenario.currentConvention("PUBLIC_WELFARE"));
    }

    /** A new member taken by the headquarters through {@code steps} of reviewed, signed, admitted. */
    private String member(int steps) {
        String member = created("/api/alliance-applications", application());
        List<String[]> path = List.of(new String[] {"/review", "{\"decision\": \"APPROVE\", \"notes\": \"材料齐全\"}"},
                new String[] {"/convention-signature", signature()}, new String[] {"/admission", null});
        for (String[] step : path.subList(0, steps)) {
            noContent("/api/alliance-members/" + member + step[0], step[1]);
        }
        return member;
    }

    private String offeringBody(String station) {
        return """
                {"stationId": "%s", "projectCode": "PSYCHOLOGICAL_COUNSELLING", "pricing": "FREE", "capacity": 20,
                 "capacityPeriod": "PER_SESSION", "schedule": "每周六上午"}""".formatted(station);
    }

    private String created(String path, String body) {
        Api.Response response = api.post("admin", path, body);
        assertThat(response.status()).as(path + " " + response).isEqualTo(201);
        return response.id();
    }

    private void noContent(String path, String body) {
        Api.Response response = api.post("admin", path, body);
        assertThat(response.status()).as(path + " " + response).isEqualTo(204);
    }

    /** Waits until the administrator reads every entity of the world the reads look at. */
    private void awaitTheReadSide() {
        World w = world;
        List<String> paths = List.of("/api/stations/" + w.stationIn(), "/api/stations/" + w.stationOut(),
                "/api/service-records/" + w.recordIn(), "/api/service-records/" + w.recordOut(),
                "/api/needs-surveys/" + w.surveyIn(), "/api/needs-surveys/" + w.surveyOut(),
                "/api/referrals/" + w.referralIn(), "/api/referrals/" + w.referralOut(),
                "/api/funds/" + w.fund() + "/allocations/" + w.allocationIn() + "/expenditures/" + w.expenditureIn(),
                "/api/funds/" + w.fund() + "/allocations/" + w.allocationOut() + "/expenditures/"
                        + w.expenditureOut(),
                "/api/social-workers/" + w.socialWorkerIn(), "/api/social-workers/" + w.socialWorkerOut(),
                "/api/volunteers/" + w.volunteerIn(), "/api/volunteers/" + w.volunteerOut(),
                "/api/federation-staff/" + w.staffIn(), "/api/federation-staff/" + w.staffOut(),
                "/api/offerings/" + w.offering(), "/api/alliance-members/" + w.member());
        for (String path : paths) {
            Eventually.assertThat(() -> assertThat(api.get("admin", path).status()).as(path).isEqualTo(200));
        }
    }
}
