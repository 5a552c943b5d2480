package org.familystation.app;

import org.familystation.app.support.Api;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Eventually;
import org.familystation.app.support.Scenario;
import org.familystation.app.support.TestAccounts;
import org.familystation.app.support.TrailRows;
import org.familystation.platform.spreadsheet.XlsxWriter;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench (infra/workbench) in Debian's Chromium against this application on its embedded servers: the
 * flows, console errors, accessibility and screenshots are in {@code infra/workbench/e2e/workbench.e2e.mjs}; this
 * test seeds what they need, runs the script with the machine's Node.js and fails with what it reported.
 * {@code .ci/run} installs {@code chromium}, {@code fonts-noto-cjk} and Node.js.
 */
class WorkbenchBrowserTest extends ApplicationTest {

    private static final Path WORKBENCH = Path.of("..", "workbench");
    private static final Path SCREENSHOTS = Path.of("..", "..", "docs", "screenshots");

    @Test
    void theWorkbenchIsServedWithoutSigningInAndEveryScreenPathGetsThePage() {
        for (String path : new String[] {"/", "/records", "/login"}) {
            Api.Response page = api.get(null, path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body().asText()).as(path).contains("<div id=\"app\"></div>");
        }
        // A missing file, and the API's paths, are never answered with the page.
        assertThat(api.get(null, "/assets/missing.js").status()).isEqualTo(404);
        Api.Response unknownApi = api.get("admin", "/api/no-such-thing");
        assertThat(unknownApi.status()).isEqualTo(404);
        assertThat(unknownApi.body().toString()).doesNotContain("<div id=");
    }

    @Test
    void theWorkbenchFilesAreSentGzippedToBrowsersThatAcceptIt() {
        Api.Response plain = api.get(null, "/");
        String script = plain.body().asText().replaceAll("(?s).*src=\"(/assets/index-[^\"]+\\.js)\".*", "$1");
        assertThat(script).startsWith("/assets/index-");
        for (String path : new String[] {"/", "/records", script}) {
            Api.Response gzipped = api.send(HttpMethod.GET, null, path, null, Map.of("Accept-Encoding", "gzip"));
            assertThat(gzipped.status()).as(path).isEqualTo(200);
            assertThat(gzipped.headers().getFirst("Content-Encoding")).as(path).isEqualTo("gzip");
            assertThat(gzipped.headers().getVary()).as(path).contains("Accept-Encoding");
            Api.Response identity = api.send(HttpMethod.GET, null, path, null, Map.of("Accept-Encoding", "identity"));
            assertThat(identity.headers().getFirst("Content-Encoding")).as(path).isNull();
            assertThat(gzipped.headers().getContentLength()).as(path)
                    .isLessThan(identity.headers().getContentLength() / (path.equals(script) ? 2 : 1));
        }
    }

    @Test
    void everyRolesMainFlowWorksInTheBrowser() throws IOException, InterruptedException {
        assertThat(Path.of("/usr/bin/chromium")).as("Chromium (apt-get install chromium fonts-noto-cjk)").exists();
        // The leader's flow signs in as the auditor, who reads once the read side knows their unit (the base waits).
        String station = "玄武区浏览器测试家庭驿站" + (System.nanoTime() % 100_000);
        String stationId = scenario.openStation(station, "玄武区");
        // A volunteer of the station's home, whose hours the worker records through the station's form.
        String volunteer = "浏览器测试志愿者" + (System.nanoTime() % 1_000);
        String home = homeOf(api, stationId);
        Api.Response registered = api.post("hq", "/api/volunteers", """
                {"name": "%s", "volunteerNumber": "E2E-%d", "homeUnitId": "%s"}"""
                .formatted(volunteer, System.nanoTime() % 1_000_000, home));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        Eventually.assertThat(() -> assertThat(api.get("worker", "/api/volunteers?homeUnitId=" + home).body()
                .path("total").asInt()).isEqualTo(1));
        String member = scenario.admittedMember("DOMESTIC_SERVICE", "浏览器测试家政" + (System.nanoTime() % 100_000));
        Instant lastWeek = Instant.now().minus(7, ChronoUnit.DAYS);
        scenario.recordService(stationId, "CONVENIENCE", "HOUSEKEEPING", member, "为独居老人提供家政保洁服务",
                lastWeek.toString(), 5);
        scenario.recordService(stationId, "CULTURE", "FAMILY_EDUCATION", 25, lastWeek.plus(1, ChronoUnit.DAYS)
                .toString(), "家庭教育讲座：如何陪伴孩子阅读");
        // A referral of legal aid that the centre's flow declines (it works the worker's own, sent through the form).
        Api.Response referral = api.post("worker", "/api/stations/" + stationId + "/referrals", """
                {"centre": "RIGHTS_SERVICE_CENTRE", "category": "LEGAL_AID", "summary": "当事人需要法律援助咨询",
                 "consentGiven": true, "consentMethod": "WRITTEN"}""");
        assertThat(referral.status()).as(referral.toString()).isEqualTo(201);

        // A services workbook for 数据导入: two good rows and one (row 4) that a service of no one is refused.
        Path importFile = Path.of("target", "e2e-import-services.xlsx").toAbsolutePath();
        String importedAt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(lastWeek.minus(2, ChronoUnit.DAYS).atZone(ZoneId.of("Asia/Shanghai")));
        Files.createDirectories(importFile.getParent());
        Files.write(importFile, XlsxWriter.toBytes(ZoneId.of("Asia/Shanghai"), xlsx -> {
            xlsx.sheet("服务记录").heading(List.of("驿站编号", "驿站点", "服务项目代码", "服务提供方类型", "联盟成员编号", "社工编号",
                    "工作人员编号", "志愿者及时长", "服务时间", "服务人数", "服务内容", "服务成效", "满意度", "反馈"));
            for (int people : new int[] {6, 8, 0}) {
                xlsx.row(Arrays.asList(stationId, "便民驿站", "HOUSEKEEPING", "联盟成员", member, null, null, null, importedAt,
                        people, "导入的服务：上门保洁，" + people + "人", "满意", 5, null));
            }
        }));

        // A user with a trail longer than a page counts: rows of the trail alone, removed afterwards, at negative global
        // indexes so that they are the oldest and never on the newest page the screenshots show.
        String auditUser = "e2e-audit-" + (System.nanoTime() % 100_000);
        int auditRows = 10_500;
        TrailRows.insert(jdbc, -8_000_000_000_000_000L + (System.nanoTime() % 1_000_000_000L) * 1_000_000L,
                "E2eAuditLoad", auditUser, auditRows);

        Path log = Files.createTempFile("workbench-e2e", ".log");
        ProcessBuilder node = new ProcessBuilder("node", "e2e/workbench.e2e.mjs")
                .directory(WORKBENCH.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        node.environment().put("BASE_URL", api.base());
        node.environment().put("STATION_NAME", station);
        node.environment().put("VOLUNTEER_NAME", volunteer);
        node.environment().put("IMPORT_FILE", importFile.toString());
        node.environment().put("IMPORT_GOOD_ROWS", "2");
        node.environment().put("IMPORT_BAD_ROW", "4");
        // The operations flow applies for alliance membership through the screens with a valid credit code.
        node.environment().put("CREDIT_CODE", Scenario.newCreditCode());
        node.environment().put("AUDIT_USER", auditUser);
        node.environment().put("AUDIT_ROWS", Integer.toString(auditRows));
        node.environment().put("SCREENSHOTS", SCREENSHOTS.toAbsolutePath().normalize().toString());
        node.environment().put("FAILURES", Path.of("target", "e2e-failures").toAbsolutePath().toString());
        boolean finished;
        Process process = node.start();
        try {
            finished = process.waitFor(10, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly();
            }
        } finally {
            jdbc.update("DELETE FROM rm_audit_event WHERE user_id = ?", auditUser);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("the browser flows finished in time:\n" + output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    /** The community home the station was opened at, once the read side knows the station. */
    private static String homeOf(Api api, String stationId) {
        String[] home = new String[1];
        Eventually.assertThat(() -> {
            Api.Response station = api.get("hq", "/api/stations/" + stationId);
            assertThat(station.status()).isEqualTo(200);
            home[0] = station.body().path("communityHomeId").asText();
        });
        return home[0];
    }
}
