package org.familystation.app;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.familystation.app.support.Api;
import org.familystation.app.support.Eventually;
import org.familystation.app.support.IntegrationTest;
import org.familystation.app.support.Scenario;
import org.familystation.app.support.TestAccounts;
import org.familystation.platform.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Excel out: every list and dashboard the workbench shows exports as .xlsx beside its JSON, under Chinese headings,
 * with the JSON's rows for the same user and filters (its reach included), read whole across pages; a bad filter is
 * the JSON's problem document.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XlsxExportTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** More than one page (100) of service records, so the export reads several. */
    private static final int MANY = 130;

    @LocalServerPort
    int port;

    private Api api;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String tag = UUID.randomUUID().toString().substring(0, 6);
    private String station;
    private String busyStation;
    private String otherHomeWorker;
    private String member;
    private String stationName;

    @BeforeAll
    void world() {
        api = new Api(port);
        Scenario scenario = new Scenario(api);
        TestAccounts.awaitNetwork(api, scenario);
        stationName = "导出测试家庭驿站" + tag;
        station = scenario.openStation(stationName, "溧水区");
        busyStation = scenario.openStation("导出测试繁忙家庭驿站" + tag, "溧水区");
        String otherStation = scenario.openStation("导出测试别处家庭驿站" + tag, "高淳区");
        otherHomeWorker = TestAccounts.at(homeOf(otherStation), Role.STATION_WORKER);
        member = scenario.admittedMember("DOMESTIC_SERVICE", "导出测试家政" + tag);
        Instant lastWeek = Instant.now().minus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        scenario.recordService(station, "CONVENIENCE", "HOUSEKEEPING", member, "导出测试：为独居老人保洁", lastWeek.toString(), 5);
        for (int i = 0; i < MANY; i++) {
            scenario.recordService(busyStation, "CULTURE", "FAMILY_EDUCATION", 1 + i % 20,
                    lastWeek.minus(i, ChronoUnit.HOURS).toString(), "导出测试讲座 第" + i + "场");
        }
        Api.Response referral = api.post("worker", "/api/stations/" + station + "/referrals", """
                {"centre": "RIGHTS_SERVICE_CENTRE", "category": "LEGAL_AID", "summary": "导出测试：需要法律援助",
                 "consentGiven": true, "consentMethod": "WRITTEN"}""");
        assertThat(referral.status()).as(referral.toString()).isEqualTo(201);
        Eventually.assertThat(() -> {
            assertThat(total("hq", "/api/stations/" + busyStation + "/service-records")).isEqualTo(MANY);
            assertThat(total("hq", "/api/stations/" + station + "/service-records")).isEqualTo(1);
            assertThat(total("auditor", "/api/referrals?stationId=" + station)).isEqualTo(1);
        });
    }

    @Test
    void aStationsServiceRecordsExportWithChineseHeadingsAndTypedCells() {
        Sheet sheet = workbook("hq", "/api/stations/" + station + "/service-records.xlsx").getSheet("服务记录");
        assertThat(texts(sheet.getRow(0))).containsExactly("服务时间", "家庭驿站", "区", "驿站点", "服务项目", "服务提供方类型",
                "服务提供方", "服务人数", "服务内容", "服务成效", "满意度", "反馈", "登记时间", "更正次数", "已作废", "作废原因", "服务记录编号");
        assertThat(sheet.getLastRowNum()).isEqualTo(1);
        Row row = sheet.getRow(1);
        assertThat(row.getCell(0).getCellType()).as("a time is a date cell").isEqualTo(CellType.NUMERIC);
        assertThat(row.getCell(1).getStringCellValue()).isEqualTo(stationName);
        assertThat(row.getCell(3).getStringCellValue()).isEqualTo("便民驿站");
        assertThat(row.getCell(5).getStringCellValue()).isEqualTo("联盟成员");
        assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(10);
        assertThat(row.getCell(8).getStringCellValue()).isEqualTo("导出测试：为独居老人保洁");
        assertThat(row.getCell(14).getStringCellValue()).isEqualTo("否");
    }

    @Test
    void aLongListIsExportedWholeAcrossPagesInTheListsOrder() {
        Sheet sheet = workbook("hq", "/api/stations/" + busyStation + "/service-records.xlsx").getSheetAt(0);
        assertThat(sheet.getLastRowNum()).isEqualTo(MANY);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= MANY; i++) {
            ids.add(sheet.getRow(i).getCell(16).getStringCellValue());
        }
        assertThat(ids).doesNotHaveDuplicates();
        // Newest first, as the list: the first lecture was the latest.
        assertThat(sheet.getRow(1).getCell(8).getStringCellValue()).isEqualTo("导出测试讲座 第0场");
        assertThat(sheet.getRow(MANY).getCell(8).getStringCellValue()).isEqualTo("导出测试讲座 第" + (MANY - 1) + "场");
    }

    @Test
    void anExportHoldsWhatTheSameUsersListHoldsNoMore() {
        // A worker of another home: the list answers what their reach allows, and so does the export.
        Api.Response list = api.get(otherHomeWorker, "/api/stations/" + station + "/service-records");
        Download export = download(otherHomeWorker, "/api/stations/" + station + "/service-records.xlsx");
        assertThat(export.status()).isEqualTo(list.status());
        if (list.status() == 200) {
            assertThat(rows(export).getSheetAt(0).getLastRowNum()).isEqualTo(list.body().path("total").asInt());
            assertThat(list.body().path("total").asInt()).isZero();
        }
        Api.Response referrals = api.get(otherHomeWorker, "/api/referrals?stationId=" + station);
        Download referralExport = download(otherHomeWorker, "/api/referrals.xlsx?stationId=" + station);
        assertThat(referralExport.status()).isEqualTo(referrals.status());
        if (referrals.status() == 200) {
            assertThat(rows(referralExport).getSheetAt(0).getLastRowNum()).isEqualTo(referrals.body().path("total").asInt()).isZero();
        }
    }

    @Test
    void theListsExportTheirRowsUnderChineseHeadings() {
        Sheet stations = workbook("hq", "/api/stations.xlsx?district=" + encode("溧水区")).getSheet("家庭驿站");
        assertThat(texts(stations.getRow(0))).startsWith("家庭驿站", "妇女儿童之家", "区", "等级", "状态");
        assertThat(rowWith(stations, 0, stationName)).containsSubsequence(stationName, "溧水区", "省级示范", "开放");

        Sheet members = workbook("hq", "/api/alliance-members.xlsx?alliance=DOMESTIC_SERVICE&status=ADMITTED")
                .getSheet("联盟成员");
        assertThat(texts(members.getRow(0))).startsWith("成员单位", "品牌联盟", "组织类型", "统一社会信用代码", "状态");
        assertThat(rowWith(members, 0, "导出测试家政" + tag)).contains("已入盟", member);

        Sheet referrals = workbook("auditor", "/api/referrals.xlsx?stationId=" + station).getSheet("转介");
        assertThat(texts(referrals.getRow(0))).startsWith("转介时间", "家庭驿站", "区", "受理中心", "转介类别", "状态");
        assertThat(referrals.getLastRowNum()).isEqualTo(1);
        assertThat(texts(referrals.getRow(1))).contains(stationName, "妇女维权服务中心", "待接收");

        String fund = api.post("hq", "/api/funds", """
                {"source": "SOCIAL_DONATION", "donor": "导出测试基金会%s", "amountFen": 123456,
                 "receivedAt": "2026-11-02T09:30:00+08:00"}""".formatted(tag)).id();
        Eventually.assertThat(() -> assertThat(rowWith(workbook("hq", "/api/funds.xlsx?source=SOCIAL_DONATION")
                .getSheet("资金"), 9, fund)).isNotEmpty());
        Sheet funds = workbook("hq", "/api/funds.xlsx?source=SOCIAL_DONATION").getSheet("资金");
        assertThat(texts(funds.getRow(0))).startsWith("到账日期", "经费来源", "资助方", "说明", "到账（元）");
        Row fundRow = row(funds, 9, fund);
        assertThat(fundRow.getCell(4).getNumericCellValue()).as("yuan, as a number").isEqualTo(1234.56);

        Sheet workers = workbook("hq", "/api/social-workers.xlsx?district=" + encode("溧水区")).getSheet("社工");
        assertThat(texts(workers.getRow(0))).startsWith("姓名", "资质", "运营总部");
        assertThat(rowWith(workers, 4, "导出测试繁忙家庭驿站" + tag)).contains("王社工");
        assertThat(texts(workbook("hq", "/api/volunteers.xlsx").getSheet("巾帼志愿者").getRow(0)))
                .startsWith("姓名", "志愿者编号", "所属妇女儿童之家");
        assertThat(texts(workbook("hq", "/api/federation-staff.xlsx").getSheet("妇工").getRow(0)))
                .startsWith("姓名", "所在单位", "单位层级");
    }

    @Test
    void theDashboardsExportTheirTables() {
        String district = "?district=" + encode("溧水区");
        XSSFWorkbook summary = workbook("auditor", "/api/dashboard/summary.xlsx" + district);
        Sheet byProject = summary.getSheet("按服务项目");
        assertThat(texts(byProject.getRow(0))).containsExactly("服务项目", "服务次数", "服务人次", "平均满意度");
        assertThat(rowWith(byProject, 0, "家庭教育")).isNotEmpty();
        assertThat(summary.getSheet("按驿站点")).isNotNull();
        assertThat(summary.getSheet("按月")).isNotNull();

        Sheet referrals = workbook("auditor", "/api/dashboard/referrals.xlsx" + district).getSheet("转介");
        assertThat(texts(referrals.getRow(0))).startsWith("受理中心", "转介数", "已受理", "已办结", "已结案", "结案率");
        Row rights = row(referrals, 0, "妇女维权服务中心");
        assertThat(rights.getCell(1).getNumericCellValue()).isGreaterThanOrEqualTo(1);

        Sheet funding = workbook("auditor", "/api/dashboard/funding.xlsx").getSheet("按来源");
        assertThat(texts(funding.getRow(0))).containsExactly("经费来源", "到账（元）", "已拨付（元）", "已支出（元）");
        assertThat(rowWith(funding, 0, "社会资助")).isNotEmpty();

        XSSFWorkbook needs = workbook("auditor", "/api/dashboard/needs.xlsx" + district);
        assertThat(texts(needs.getSheet("需求缺口").getRow(0)))
                .containsExactly("需求类别", "需求数", "服务次数", "服务人次", "缺口", "覆盖率");
        assertThat(texts(needs.getSheet("按类别").getRow(0))).containsExactly("需求类别", "需求数", "调查数", "占比");

        Sheet hours = workbook("auditor", "/api/dashboard/volunteer-hours.xlsx" + district).getSheet("按驿站");
        assertThat(texts(hours.getRow(0))).containsExactly("家庭驿站", "区", "时长（小时）", "服务次数", "志愿者人数");
    }

    @Test
    void aBadFilterIsTheListsProblemDocumentAndNoFile() {
        Download refused = download("hq", "/api/stations.xlsx?status=NOT_A_STATUS");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("\"code\"").contains("\"detail\"");
        Download badMonth = download("auditor", "/api/dashboard/needs.xlsx?from=2026-05&to=2026-01");
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(badMonth.contentType()).startsWith("application/problem+json");
    }

    // Helpers

    private long total(String user, String path) {
        Api.Response response = api.get(user, path + (path.contains("?") ? "&" : "?") + "size=1");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body().path("total").asLong();
    }

    private String homeOf(String stationId) {
        String[] home = new String[1];
        Eventually.assertThat(() -> {
            Api.Response answer = api.get("hq", "/api/stations/" + stationId);
            assertThat(answer.status()).isEqualTo(200);
            home[0] = answer.body().path("communityHomeId").asText();
        });
        return home[0];
    }

    private XSSFWorkbook workbook(String user, String path) {
        Download file = download(user, path);
        assertThat(file.status()).as(path + ": " + new String(file.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(file.contentType()).isEqualTo(XLSX);
        assertThat(file.disposition()).startsWith("attachment;").contains(".xlsx");
        return rows(file);
    }

    private static XSSFWorkbook rows(Download file) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(file.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> texts(Row row) {
        DataFormatter formatter = new DataFormatter();
        List<String> texts = new ArrayList<>();
        for (Cell cell : row) {
            texts.add(formatter.formatCellValue(cell));
        }
        return texts;
    }

    /** The first row whose cell in the column is the text, or null. */
    private static Row row(Sheet sheet, int column, String text) {
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (row.getRowNum() > 0 && cell != null && text.equals(new DataFormatter().formatCellValue(cell))) {
                return row;
            }
        }
        return null;
    }

    private static List<String> rowWith(Sheet sheet, int column, String text) {
        Row row = row(sheet, column, text);
        return row == null ? List.of() : texts(row);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private record Download(int status, Map<String, List<String>> headers, byte[] body) {
        String contentType() {
            return headers.getOrDefault("content-type", List.of("")).get(0);
        }

        String disposition() {
            return headers.getOrDefault("content-disposition", List.of("")).get(0);
        }
    }

    private Download download(String user, String path) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(api.base() + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-demo")
                            .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), new LinkedHashMap<>(response.headers().map()), response.body());
        } catch (IOException | InterruptedException failed) {
            throw new IllegalStateException(failed);
        }
    }
}
