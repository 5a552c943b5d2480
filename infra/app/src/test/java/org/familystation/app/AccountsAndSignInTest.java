package org.familystation.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.familystation.app.support.Api;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Eventually;
import org.familystation.app.support.SessionClient;
import org.familystation.platform.security.SignInGuard;
import org.familystation.platform.security.SignInProperties;
import org.familystation.platform.security.VerifiedCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts, signing in with HTTP Basic and with the web session, over HTTP on the real servers. */
class AccountsAndSignInTest extends ApplicationTest {

    private static final String PASSWORD = "chun-jiang-chao-shui";
    private static final String NEW_PASSWORD = "hai-shang-ming-yue";

    @Autowired
    SignInGuard guard;

    @Autowired
    VerifiedCredentials verified;

    @Autowired
    SignInProperties signIn;

    /** The failures this class provokes on purpose must not lock 127.0.0.1 out for the test classes after it. */
    @AfterEach
    void forgetFailures() {
        guard.forgetAll();
    }

    private static String newUsername() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private String createAccount(String username, String roles) {
        Api.Response created = api.post("admin", "/api/accounts", """
                {"username": "%s", "displayName": "测试账号", "unitId": "%s", "roles": %s,
                 "initialPassword": "%s"}""".formatted(username, scenario.headquarters(), roles, PASSWORD));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    private Api.Response as(String username, String password, HttpMethod method, String path, String body) {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return api.send(method, null, path, body, Map.of("Authorization", "Basic " + basic));
    }

    private Api.Response get(String username, String password, String path) {
        return as(username, password, HttpMethod.GET, path, null);
    }

    private Api.Response changeOwnPassword(String username, String current, String next) {
        return as(username, current, HttpMethod.POST, "/api/session/password",
                "{\"currentPassword\": \"%s\", \"newPassword\": \"%s\"}".formatted(current, next));
    }

    @Test
    void anAccountLivesFromCreationThroughPasswordChangesToDisabling() {
        String username = newUsername();
        String id = createAccount(username, "[\"OPERATOR\"]");

        // The administrator's password must be changed first: every other call is refused until then.
        Api.Response gated = get(username, PASSWORD, "/api/stations");
        assertThat(gated.status()).as(gated.toString()).isEqualTo(403);
        assertThat(gated.code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        JsonNode me = get(username, PASSWORD, "/api/session").body();
        assertThat(me.path("mustChangePassword").asBoolean()).isTrue();
        assertThat(me.path("unitName").asText()).isEqualTo("南京市妇女儿童活动中心");
        assertThat(me.path("unitLevel").asText()).isEqualTo("OPERATIONS_HQ");
        assertThat(me.path("roles").toString()).isEqualTo("[\"OPERATOR\"]");
        assertThat(me.has("centre")).isTrue();

        // With HTTP Basic (no session cookie) no CSRF token is needed.
        assertThat(changeOwnPassword(username, PASSWORD, NEW_PASSWORD).status()).isEqualTo(204);
        assertThat(get(username, NEW_PASSWORD, "/api/stations").status()).isEqualTo(200);
        assertThat(get(username, PASSWORD, "/api/stations").status()).isEqualTo(401);

        // A role change counts from the next request.
        assertThat(as(username, NEW_PASSWORD, HttpMethod.POST, "/api/catalogues/SERVICE_PROJECT", "{}").status())
                .isNotEqualTo(403);
        assertThat(api.post("admin", "/api/accounts/" + username + "/access", """
                {"unitId": "%s", "roles": ["AUDITOR"]}""".formatted(scenario.headquarters())).status())
                .isEqualTo(204);
        Api.Response nowAuditor = as(username, NEW_PASSWORD, HttpMethod.POST, "/api/catalogues/SERVICE_PROJECT",
                "{}");
        assertThat(nowAuditor.status()).as(nowAuditor.toString()).isEqualTo(403);
        assertThat(nowAuditor.code()).isEqualTo("FORBIDDEN");

        // Disabled: refused even with the right password (and only then told why); enabled: back.
        assertThat(api.post("admin", "/api/accounts/" + id + "/disablement", "{\"reason\": \"调离岗位\"}").status())
                .isEqualTo(204);
        Api.Response disabled = get(username, NEW_PASSWORD, "/api/stations");
        assertThat(disabled.status()).isEqualTo(401);
        assertThat(disabled.code()).isEqualTo("ACCOUNT_DISABLED");
        assertThat(get(username, "wrong-password-1", "/api/stations").code()).isEqualTo("UNAUTHENTICATED");
        assertThat(api.post("admin", "/api/accounts/" + id + "/enablement", null).status()).isEqualTo(204);
        assertThat(get(username, NEW_PASSWORD, "/api/stations").status()).isEqualTo(200);

        // Reset by an administrator: the new password works, and must be changed again.
        assertThat(api.post("admin", "/api/accounts/" + username + "/password-reset",
                "{\"newPassword\": \"%s\"}".formatted(PASSWORD)).status()).isEqualTo(204);
        assertThat(get(username, NEW_PASSWORD, "/api/stations").status()).isEqualTo(401);
        assertThat(get(username, PASSWORD, "/api/stations").code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");

        // The administrators' view, without any hash.
        Eventually.assertThat(() -> {
            JsonNode account = api.get("admin", "/api/accounts/" + id).body();
            assertThat(account.path("username").asText()).isEqualTo(username);
            assertThat(account.path("roles").toString()).isEqualTo("[\"AUDITOR\"]");
            assertThat(account.path("mustChangePassword").asBoolean()).isTrue();
            assertThat(account.path("disabled").asBoolean()).isFalse();
            assertThat(account.toString()).doesNotContain("argon2").doesNotContain("password\"");
        });
        assertThat(api.get("admin", "/api/accounts/" + username).body().path("accountId").asText()).isEqualTo(id);
        Eventually.assertThat(() -> assertThat(api.get("admin", "/api/accounts?size=100").body()
                .path("items").findValuesAsText("username")).contains(username));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " AND convert_from(payload, 'UTF8') LIKE ?", Long.class, id, "%" + PASSWORD + "%"))
                .as("events holding a password").isZero();
    }

    @Test
    void everyRefusalIsAProblemAndWritesNothing() {
        String taken = newUsername();
        String id = createAccount(taken, "[\"STATION_WORKER\"]");
        String hq = scenario.headquarters();
        String body = """
                {"username": "%s", "displayName": "%s", "unitId": "%s", "roles": %s, "centre": %s,
                 "initialPassword": "%s"}""";
        refused(409, "USERNAME_TAKEN", () -> api.post("admin", "/api/accounts",
                body.formatted(taken, "甲", hq, "[\"AUDITOR\"]", null, PASSWORD)));
        refused(409, "USERNAME_TAKEN", () -> api.post("admin", "/api/accounts",
                body.formatted("auditor", "甲", hq, "[\"AUDITOR\"]", null, PASSWORD)));
        refused(400, "USERNAME_INVALID", () -> api.post("admin", "/api/accounts",
                body.formatted("陈 静", "甲", hq, "[\"AUDITOR\"]", null, PASSWORD)));
        refused(400, "DISPLAY_NAME_INVALID", () -> api.post("admin", "/api/accounts",
                body.formatted(newUsername(), " ", hq, "[\"AUDITOR\"]", null, PASSWORD)));
        refused(404, "UNIT_UNKNOWN", () -> api.post("admin", "/api/accounts",
                body.formatted(newUsername(), "甲", UUID.randomUUID(), "[\"AUDITOR\"]", null, PASSWORD)));
        refused(400, "ROLES_REQUIRED", () -> api.post("admin", "/api/accounts",
                body.formatted(newUsername(), "甲", hq, "[]", null, PASSWORD)));
        refused(400, "ROLE_UNKNOWN", () -> api.post("admin", "/api/accounts",
                body.formatted(newUsername(), "甲", hq, "[\"ROOT\"]", null, PASSWORD)));
        refused(400, "CENTRE_REQUIRED", () -> api.post("admin", "/api/accounts",
                body.formatted(newUsername(), "甲", hq, "[\"CENTRE_STAFF\"]", null, PASSWORD)));
        refused(400, "CENTRE_WITHOUT_CENTRE_STAFF", () -> api.post("admin", "/api/accounts",
                body.formatted(newUsername(), "甲", hq, "[\"AUDITOR\"]", "\"RIGHTS_SERVICE_CENTRE\"", PASSWORD)));
        refused(400, "CENTRE_UNKNOWN", () -> api.post("admin", "/api/accounts",
                body.formatted(newUsername(), "甲", hq, "[\"CENTRE_STAFF\"]", "\"LEGAL_CENTRE\"", PASSWORD)));
        String weak = newUsername();
        refused(400, "PASSWORD_TOO_WEAK", () -> api.post("admin", "/api/accounts",
                body.formatted(weak, "甲", hq, "[\"AUDITOR\"]", null, "short")));
        refused(400, "PASSWORD_TOO_WEAK", () -> api.post("admin", "/api/accounts",
                body.formatted(weak, "甲", hq, "[\"AUDITOR\"]", null, weak + "-2026")));
        refused(400, "PASSWORD_TOO_LONG", () -> api.post("admin", "/api/accounts",
                body.formatted(weak, "甲", hq, "[\"AUDITOR\"]", null, "x".repeat(129))));
        refused(403, "FORBIDDEN", () -> api.post("hq", "/api/accounts",
                body.formatted(newUsername(), "甲", hq, "[\"ADMIN\"]", null, PASSWORD)));
        refused(403, "FORBIDDEN", () -> api.get("hq", "/api/accounts"));
        refused(403, "FORBIDDEN", () -> api.get("auditor", "/api/accounts/" + id));

        refused(404, "ACCOUNT_NOT_FOUND", () -> api.get("admin", "/api/accounts/nobody-here"));
        refused(404, "ACCOUNT_NOT_FOUND", () -> api.post("admin", "/api/accounts/nobody-here/enablement",
                null));
        refused(404, "ACCOUNT_NOT_FOUND", () -> api.post("admin", "/api/accounts/admin/disablement",
                "{\"reason\": \"配置账号不在系统中\"}"));
        refused(400, "CENTRE_REQUIRED", () -> api.post("admin", "/api/accounts/" + id + "/access",
                "{\"unitId\": \"%s\", \"roles\": [\"CENTRE_STAFF\"]}".formatted(hq)));
        refused(400, "REASON_REQUIRED", () -> api.post("admin", "/api/accounts/" + id + "/disablement",
                "{\"reason\": \" \"}"));
        refused(409, "ACCOUNT_NOT_DISABLED", () -> api.post("admin", "/api/accounts/" + id + "/enablement",
                null));
        assertThat(api.post("admin", "/api/accounts/" + id + "/disablement", "{\"reason\": \"离职\"}").status())
                .isEqualTo(204);
        refused(409, "ACCOUNT_ALREADY_DISABLED", () -> api.post("admin",
                "/api/accounts/" + id + "/disablement", "{\"reason\": \"离职\"}"));
        refused(400, "PASSWORD_TOO_WEAK", () -> api.post("admin", "/api/accounts/" + id + "/password-reset",
                "{\"newPassword\": \"123\"}"));

        String holder = newUsername();
        createAccount(holder, "[\"AUDITOR\"]");
        refused(400, "BAD_CREDENTIALS", () -> as(holder, PASSWORD, HttpMethod.POST, "/api/session/password",
                "{\"currentPassword\": \"not-the-password\", \"newPassword\": \"%s\"}".formatted(NEW_PASSWORD)));
        refused(422, "PASSWORD_UNCHANGED", () -> changeOwnPassword(holder, PASSWORD, PASSWORD));
        refused(400, "PASSWORD_TOO_WEAK", () -> changeOwnPassword(holder, PASSWORD, holder + "!!!!"));
        refused(422, "ACCOUNT_NOT_MANAGED", () -> api.post("auditor", "/api/session/password",
                "{\"currentPassword\": \"auditor-demo\", \"newPassword\": \"%s\"}".formatted(NEW_PASSWORD)));
        // (A browser's client: Java's HttpURLConnection cannot read a 401 answer to a POST.)
        SessionClient.Answer anonymous = new SessionClient(api.base()).send("POST", "/api/session/password",
                "{\"currentPassword\": \"x\", \"newPassword\": \"%s\"}".formatted(NEW_PASSWORD), false);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void anAdministratorCannotRemoveTheirOwnAdminRoleNorDisableThemselves() {
        String username = newUsername();
        String id = createAccount(username, "[\"ADMIN\"]");
        assertThat(changeOwnPassword(username, PASSWORD, NEW_PASSWORD).status()).isEqualTo(204);
        String hq = scenario.headquarters();

        refused(422, "OWN_ADMIN_ROLE", () -> as(username, NEW_PASSWORD, HttpMethod.POST,
                "/api/accounts/" + id + "/access", "{\"unitId\": \"%s\", \"roles\": [\"OPERATOR\"]}".formatted(hq)));
        refused(422, "OWN_ACCOUNT_DISABLED", () -> as(username, NEW_PASSWORD, HttpMethod.POST,
                "/api/accounts/" + username + "/disablement", "{\"reason\": \"交接完毕\"}"));
        // Another administrator may do both.
        assertThat(api.post("admin", "/api/accounts/" + id + "/access",
                "{\"unitId\": \"%s\", \"roles\": [\"OPERATOR\"]}".formatted(hq)).status()).isEqualTo(204);
    }

    @Test
    void theAccountsListFiltersByRoleAndNameAndAnAccountsHistoryHidesThePasswordHash() {
        String worker = newUsername();
        String workerId = createAccount(worker, "[\"STATION_WORKER\", \"AUDITOR\"]");
        String operator = newUsername();
        createAccount(operator, "[\"OPERATOR\"]");

        Eventually.assertThat(() -> {
            JsonNode byName = api.get("admin", "/api/accounts?name=" + worker.substring(2, 10)).body();
            assertThat(byName.path("items").findValuesAsText("username")).containsExactly(worker);
        });
        JsonNode auditors = api.get("admin", "/api/accounts?role=AUDITOR&size=100").body();
        assertThat(auditors.path("items").findValuesAsText("username")).contains(worker).doesNotContain(operator);
        JsonNode workers = api.get("admin", "/api/accounts?role=STATION_WORKER&name=" + worker).body();
        assertThat(workers.path("total").asLong()).isEqualTo(1);
        assertThat(api.get("admin", "/api/accounts?role=OPERATOR&name=" + worker).body().path("total").asLong())
                .isZero();
        refused(400, "INVALID_PARAMETER", () -> api.get("admin", "/api/accounts?role=ROOT"));

        assertThat(api.post("admin", "/api/accounts/" + workerId + "/password-reset",
                "{\"newPassword\": \"%s\"}".formatted(NEW_PASSWORD)).status()).isEqualTo(204);
        Api.Response history = api.get("admin", "/api/history/accounts/" + workerId);
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(history.body().findValuesAsText("type")).containsExactly("AccountCreated", "AccountPasswordReset");
        assertThat(history.body().get(0).path("payload").path("username").asText()).isEqualTo(worker);
        assertThat(history.toString()).doesNotContain("passwordHash").doesNotContain("argon2");
        refused(403, "FORBIDDEN", () -> api.get("auditor", "/api/history/accounts/" + workerId));
        // Nor does the audit trail, in its pages or its exports.
        Eventually.assertThat(() -> {
            Api.Response trail = api.get("auditor", "/api/audit/events?aggregateType=Account&aggregateId=" + workerId);
            assertThat(trail.body().path("items").findValuesAsText("eventType"))
                    .containsExactlyInAnyOrder("AccountCreated", "AccountPasswordReset");
            assertThat(trail.toString()).doesNotContain("passwordHash").doesNotContain("argon2");
        });
    }

    @Test
    void repeatedFailuresLockTheUsernameOutWith429AndTheLockoutIsInTheAuditTrail() {
        String username = newUsername();
        createAccount(username, "[\"AUDITOR\"]");
        for (int failure = 1; failure <= 5; failure++) {
            assertThat(get(username, "guess-" + failure, "/api/session").status()).isEqualTo(401);
        }
        Api.Response locked = get(username, PASSWORD, "/api/session");
        assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
        assertThat(locked.code()).isEqualTo("TOO_MANY_ATTEMPTS");
        long retryAfter = Long.parseLong(locked.headers().getFirst("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 30L);
        SessionClient browser = new SessionClient(api.base());
        SessionClient.Answer sessionLocked = browser.signIn(username, PASSWORD);
        assertThat(sessionLocked.status()).isEqualTo(429);
        assertThat(sessionLocked.code()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(sessionLocked.header("Retry-After")).hasSize(1);
        // Others sign in as before.
        assertThat(api.get("auditor", "/api/session").status()).isEqualTo(200);

        Eventually.assertThat(() -> {
            JsonNode trail = api.get("auditor", "/api/audit/events?eventType=SignInLockedOut&size=100").body();
            List<JsonNode> ours = new ArrayList<>();
            trail.path("items").forEach(entry -> {
                if (entry.path("payload").path("username").asText().equals(username)) {
                    ours.add(entry);
                }
            });
            assertThat(ours).hasSize(1);
            assertThat(ours.get(0).path("payload").path("subject").asText()).isEqualTo("ACCOUNT");
            assertThat(ours.get(0).path("payload").path("failures").asInt()).isEqualTo(5);
            assertThat(ours.get(0).path("userId").asText()).isEqualTo("system");
        });
    }

    @Test
    void repeatedFailuresFromOneAddressLockItOutForEveryUsername() {
        int allowed = signIn.getThrottle().getAddressFailures();
        for (int failure = 1; failure <= allowed; failure++) {
            assertThat(get(newUsername(), "guess-" + failure, "/api/session").status()).isEqualTo(401);
        }
        Api.Response locked = api.get("auditor", "/api/session");
        assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
        assertThat(locked.code()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(locked.headers().getFirst("Retry-After")).isNotBlank();
        // The lock holds for every username, the reader's too: lifted, the trail is read now, not once it ends (30 s).
        guard.forgetAll();
        Eventually.assertThat(() -> assertThat(api.get("admin",
                        "/api/audit/events?eventType=SignInLockedOut&size=100").body().path("items")
                .findValuesAsText("subject")).contains("CLIENT_ADDRESS"));
    }

    /** Over HTTP at the tests' hashing cost; PasswordHashingTest (infra/platform) checks it at the real cost. */
    @Test
    void anUnknownUsernameCostsWhatAKnownOneCosts() {
        String known = newUsername();
        createAccount(known, "[\"AUDITOR\"]");
        get(known, PASSWORD, "/api/session");
        List<Long> unknownNanos = new ArrayList<>();
        List<Long> knownNanos = new ArrayList<>();
        for (int round = 0; round < 15; round++) {
            unknownNanos.add(timed(() -> get(newUsername(), "wrong-password", "/api/session")));
            knownNanos.add(timed(() -> get(known, "wrong-password-" + UUID.randomUUID(), "/api/session")));
            guard.forgetAll();
        }
        double unknown = median(unknownNanos);
        double knownWrong = median(knownNanos);
        System.out.printf(Locale.ROOT, "Wrong password, p50 of 15: unknown user %.1f ms, known user %.1f ms%n",
                unknown / 1e6, knownWrong / 1e6);
        assertThat(unknown / knownWrong).as("unknown / known").isBetween(0.33, 3.0);
    }

    @Test
    void measuresBasicRequestsWithAndWithoutTheVerifiedPasswordCache() {
        String username = newUsername();
        createAccount(username, "[\"AUDITOR\"]");
        changeOwnPassword(username, PASSWORD, NEW_PASSWORD);
        List<Long> hashing = new ArrayList<>();
        List<Long> cached = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            verified.forgetAll();
            hashing.add(timed(() -> get(username, NEW_PASSWORD, "/api/catalogues/SERVICE_PROJECT")));
            cached.add(timed(() -> get(username, NEW_PASSWORD, "/api/catalogues/SERVICE_PROJECT")));
        }
        System.out.printf(Locale.ROOT, "Authenticated Basic GET, p50 of 20: hashing every request (at the tests'"
                + " cost) %.1f ms, with the verified-password cache %.1f ms%n", median(hashing) / 1e6,
                median(cached) / 1e6);
    }

    /**
     * A script signing each request with HTTP Basic starts no web session: none is stored (a row per request, with
     * the signed-in account, was what every Basic request cost before) and no session cookie is handed out.
     */
    @Test
    void aBasicRequestStartsNoSession() {
        long sessions = jdbc.queryForObject("SELECT count(*) FROM spring_session", Long.class);
        String station = scenario.openStation("无会话驿站", "建邺区");
        Api.Response read = api.get("hq", "/api/stations");
        Api.Response written = api.post("hq", "/api/stations/" + station + "/suspension",
                "{\"reason\": \"场地维修\"}");
        Api.Response refused = api.get("worker", "/api/accounts");
        assertThat(read.status()).isEqualTo(200);
        assertThat(written.status()).isEqualTo(204);
        assertThat(refused.status()).isEqualTo(403);
        for (Api.Response answer : List.of(read, written, refused)) {
            assertThat(answer.headers().getOrEmpty("Set-Cookie")).as(answer.toString())
                    .noneMatch(cookie -> cookie.startsWith("JSESSIONID="));
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM spring_session", Long.class)).isEqualTo(sessions);
    }

    @Test
    void theWebSessionSignsInProtectsAgainstCsrfAndSignsOut() {
        SessionClient browser = new SessionClient(api.base());
        SessionClient.Answer wrong = browser.signIn("admin", "not-the-password");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("BAD_CREDENTIALS");
        SessionClient.Answer unknown = browser.signIn(newUsername(), "not-the-password");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body().path("detail")).isEqualTo(wrong.body().path("detail"));

        SessionClient.Answer signedIn = browser.signIn("admin", "admin-demo");
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
        assertThat(signedIn.body().path("username").asText()).isEqualTo("admin");
        assertThat(signedIn.body().path("roles").toString()).isEqualTo("[\"ADMIN\"]");
        assertThat(signedIn.body().path("mustChangePassword").asBoolean()).isFalse();
        String sessionCookie = signedIn.header("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(sessionCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        String csrfCookie = signedIn.header("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .findFirst().orElseThrow();
        assertThat(csrfCookie).doesNotContain("HttpOnly");
        assertThat(browser.send("GET", "/api/session", null, false).body().path("username").asText())
                .isEqualTo("admin");
        assertThat(browser.send("GET", "/api/stations", null, false).status()).isEqualTo(200);

        String account = """
                {"username": "%s", "displayName": "会话创建", "unitId": "%s", "roles": ["AUDITOR"],
                 "initialPassword": "%s"}""".formatted(newUsername(), scenario.headquarters(), PASSWORD);
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        SessionClient.Answer forged = browser.send("POST", "/api/accounts", account, false);
        assertThat(forged.status()).as(forged.toString()).isEqualTo(403);
        assertThat(forged.code()).isEqualTo("CSRF_TOKEN_INVALID");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isEqualTo(events);
        assertThat(browser.send("POST", "/api/accounts", account, true).status()).isEqualTo(201);

        assertThat(browser.send("DELETE", "/api/session", null, true).status()).isEqualTo(204);
        SessionClient.Answer gone = browser.send("GET", "/api/session", null, false);
        assertThat(gone.status()).isEqualTo(401);
        assertThat(gone.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(browser.send("GET", "/api/stations", null, false).status()).isEqualTo(401);
    }

    @Test
    void aSessionMustChangeTheInitialPasswordFirstAndEndsWithANewPasswordOrWhenTheAccountIsDisabled() {
        String username = newUsername();
        String id = createAccount(username, "[\"AUDITOR\"]");
        SessionClient browser = new SessionClient(api.base());
        assertThat(browser.signIn(username, PASSWORD).body().path("mustChangePassword").asBoolean()).isTrue();
        SessionClient.Answer gated = browser.send("GET", "/api/stations", null, false);
        assertThat(gated.status()).isEqualTo(403);
        assertThat(gated.code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        assertThat(browser.send("POST", "/api/session/password", """
                {"currentPassword": "%s", "newPassword": "%s"}""".formatted(PASSWORD, NEW_PASSWORD), true).status())
                .isEqualTo(204);
        assertThat(browser.send("GET", "/api/stations", null, false).status()).isEqualTo(200);
        assertThat(browser.send("GET", "/api/session", null, false).body().path("mustChangePassword").asBoolean())
                .isFalse();

        // A reset by an administrator ends the sessions signed in with the old password.
        SessionClient other = new SessionClient(api.base());
        assertThat(other.signIn(username, NEW_PASSWORD).status()).isEqualTo(200);
        assertThat(api.post("admin", "/api/accounts/" + id + "/password-reset",
                "{\"newPassword\": \"%s\"}".formatted(PASSWORD)).status()).isEqualTo(204);
        assertThat(other.send("GET", "/api/session", null, false).status()).isEqualTo(401);
        assertThat(other.signIn(username, PASSWORD).status()).isEqualTo(200);

        // Disabling ends them all.
        assertThat(api.post("admin", "/api/accounts/" + id + "/disablement", "{\"reason\": \"离职\"}").status())
                .isEqualTo(204);
        assertThat(other.send("GET", "/api/session", null, false).status()).isEqualTo(401);
        assertThat(browser.send("GET", "/api/session", null, false).status()).isEqualTo(401);
    }

    @Test
    void anIdleSessionExpires() {
        Duration configured = signIn.getSessionIdleTimeout();
        SessionClient browser = new SessionClient(api.base());
        signIn.setSessionIdleTimeout(Duration.ofSeconds(1));
        try {
            assertThat(browser.signIn("auditor", "auditor-demo").status()).isEqualTo(200);
        } finally {
            signIn.setSessionIdleTimeout(configured);
        }
        assertThat(browser.send("GET", "/api/session", null, false).status()).isEqualTo(200);
        // Each look comes after more than the idle time (a look itself is activity that keeps a session alive).
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ofMillis(2100))
                .pollInterval(Duration.ofMillis(2100))
                .untilAsserted(() -> assertThat(browser.send("GET", "/api/session", null, false).status())
                        .isEqualTo(401));
    }

    @Test
    void theWorkbenchFilesNeedNoSignIn() {
        assertThat(api.get(null, "/").status()).isNotEqualTo(401);
        assertThat(api.get(null, "/stations/some-client-side-route").status()).isNotEqualTo(401);
        assertThat(api.get(null, "/api/stations").status()).isEqualTo(401);
    }

    private static long timed(Runnable request) {
        long start = System.nanoTime();
        request.run();
        return System.nanoTime() - start;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
