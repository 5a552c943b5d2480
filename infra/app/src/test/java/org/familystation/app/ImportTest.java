package org.familystation.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.familystation.app.support.Api;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Eventually;
import org.familystation.app.support.TestAccounts;
import org.familystation.platform.operations.ChangeAdmission;
import org.familystation.platform.operations.OperationsProperties;
import org.familystation.platform.security.Role;
import org.familystation.platform.spreadsheet.XlsxWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Excel in: services, needs surveys, volunteers and funds imported from .xlsx row by row through the same commands
 * as the API, on the real servers. The big file (10,000 services, 1% bad) is imported twice: the second time
 * records nothing. The rows take their turns among the node's changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportTest extends ApplicationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final List<String> SERVICE_HEADINGS = List.of("驿站编号", "驿站点", "服务项目代码", "服务提供方类型",
            "联盟成员编号", "社工编号", "工作人员编号", "志愿者及时长", "服务时间", "服务人数", "服务内容", "服务成效", "满意度", "反馈");
    private static final int ROWS = 10_000;

    @Autowired
    FilterRegistrationBean<ChangeAdmission> changeAdmission;
    @Autowired
    OperationsProperties operations;

    private final HttpClient http = HttpClient.newHttpClient();
    private String home;
    private String station;
    private String otherStation;
    /** Where only the big file records, so that its count is its own. */
    private String bigStation;
    private String member;
    private String homeWorker;

    @BeforeAll
    void stations() {
        home = scenario.communityHome("导入测试妇女儿童之家", "六合区", "PROVINCIAL_DEMONSTRATION");
        Api.Response opened = api.post("hq", "/api/stations", """
                {"communityHomeId": "%s", "stationName": "导入测试家庭驿站"}""".formatted(home));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        station = opened.id();
        otherStation = scenario.openStation("导入测试另一家庭驿站", "六合区");
        bigStation = scenario.openStation("导入测试万条家庭驿站", "六合区");
        member = scenario.admittedMember("PUBLIC_WELFARE", "导入测试心理服务社" + UUID.randomUUID().toString()
                .substring(0, 6));
        scenario.offer(member, station, "PSYCHOLOGICAL_COUNSELLING");
        scenario.offer(member, otherStation, "PSYCHOLOGICAL_COUNSELLING");
        scenario.offer(member, bigStation, "PSYCHOLOGICAL_COUNSELLING");
        homeWorker = TestAccounts.at(home, Role.STATION_WORKER);
    }

    /** Now, to the second: after the stations opened, and not in the future. */
    private static String now() {
        return LocalDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }

    private List<Object> service(String stationId, int row, String time) {
        return Arrays.asList(stationId, "情感驿站", "PSYCHOLOGICAL_COUNSELLING", "联盟成员", member, null, null, null, time,
                1 + row % 30, "导入的心理咨询服务 第" + row + "行", "情绪好转", 1 + row % 5, null);
    }

    @Test
    void tenThousandServicesWithOnePercentBadRowsReportExactlyThoseRowsAndAReimportRecordsNothing() throws Exception {
        String time = now();
        Map<Integer, String> bad = new LinkedHashMap<>();
        byte[] file = sheet(SERVICE_HEADINGS, ROWS, index -> {
            int row = index + 2;
            List<Object> cells = new ArrayList<>(service(bigStation, row, time));
            if (index % 100 == 37) {
                switch ((index / 100) % 5) {
                    case 0 -> {
                        cells.set(9, 0);
                        bad.put(row, "PARTICIPANTS_INVALID");
                    }
                    case 1 -> {
                        cells.set(8, "2025/13/45 25:00");
                        bad.put(row, "IMPORT_CELL_INVALID");
                    }
                    case 2 -> {
                        cells.set(2, "NO_SUCH_PROJECT");
                        bad.put(row, "PROJECT_UNKNOWN");
                    }
                    case 3 -> {
                        cells.set(12, 9);
                        bad.put(row, "SATISFACTION_OUT_OF_RANGE");
                    }
                    default -> {
                        cells.set(9, "十个人");
                        bad.put(row, "IMPORT_CELL_INVALID");
                    }
                }
            } else if (index % 2 == 0) {
                // Half the times as Excel date cells, half as text: both read as the same wall-clock time.
                cells.set(8, LocalDateTime.parse(time, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
            }
            return cells;
        });
        assertThat(bad).hasSize(ROWS / 100);

        long started = System.nanoTime();
        JsonNode job = finished("hq", upload("hq", "services", "服务记录.xlsx", file));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("ImportTest: %d service rows imported in %.1f s: %.0f rows/s (job: %s rows/s)%n", ROWS,
                seconds, ROWS / seconds, job.path("rowsPerSecond").asText());
        long done = System.nanoTime();
        Eventually.assertThat(() -> assertThat(recordsAt(bigStation)).isEqualTo(ROWS - bad.size()));
        System.out.printf("ImportTest: every row in the lists %.1f s after the job was done%n",
                (System.nanoTime() - done) / 1e9);
        assertThat(job.path("total").asInt()).isEqualTo(ROWS);
        assertThat(job.path("done").asInt()).isEqualTo(ROWS);
        assertThat(job.path("accepted").asInt()).isEqualTo(ROWS - bad.size());
        assertThat(job.path("refused").asInt()).isEqualTo(bad.size());
        assertThat(job.path("alreadyRecorded").asInt()).isZero();

        JsonNode refused = api.get("hq", "/api/import-jobs/" + job.path("jobId").asText() + "/rows?outcome=REFUSED")
                .body();
        Map<Integer, String> reported = new LinkedHashMap<>();
        for (JsonNode row : refused) {
            reported.put(row.path("row").asInt(), row.path("code").asText());
            assertThat(row.path("detail").asText()).as(row.toString()).isNotBlank()
                    .matches(".*\\p{IsHan}.*");
        }
        assertThat(reported).isEqualTo(bad);
        JsonNode cellRefusal = refused.get(1);
        assertThat(cellRefusal.path("field").asText()).isEqualTo("服务时间");
        assertThat(cellRefusal.path("detail").asText()).contains("2025/13/45 25:00").contains("yyyy-MM-dd HH:mm");

        // The same file again: every good row is found recorded, nothing is recorded twice.
        JsonNode again = finished("hq", upload("hq", "services", "服务记录.xlsx", file));
        assertThat(again.path("accepted").asInt()).isZero();
        assertThat(again.path("alreadyRecorded").asInt()).isEqualTo(ROWS - bad.size());
        assertThat(again.path("refused").asInt()).isEqualTo(bad.size());
        JsonNode first = api.get("hq", "/api/import-jobs/" + job.path("jobId").asText() + "/rows?outcome=ACCEPTED")
                .body().get(0);
        JsonNode second = api.get("hq", "/api/import-jobs/" + again.path("jobId").asText()
                + "/rows?outcome=ALREADY_RECORDED").body().get(0);
        assertThat(second.path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(recordsAt(bigStation)).isEqualTo(ROWS - bad.size());
        Eventually.assertThat(() -> assertThat(recordsAt(bigStation)).isEqualTo(ROWS - bad.size()));

        // The report as a workbook: one line per row, the refused ones with their code.
        Download report = download("hq", "/api/import-jobs/" + job.path("jobId").asText() + "/report.xlsx");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.contentType()).isEqualTo(XLSX);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(report.body()))) {
            Sheet rows = workbook.getSheetAt(0);
            assertThat(rows.getLastRowNum()).isEqualTo(ROWS);
            Map<Integer, String> inWorkbook = new LinkedHashMap<>();
            for (int i = 1; i <= ROWS; i++) {
                Row row = rows.getRow(i);
                if (row.getCell(1).getStringCellValue().equals("被拒绝")) {
                    inWorkbook.put((int) row.getCell(0).getNumericCellValue(), row.getCell(3).getStringCellValue());
                }
            }
            assertThat(inWorkbook).isEqualTo(bad);
        }
    }

    @Test
    void aWorkerImportingIntoAnotherStationIsRefusedRowByRow() throws Exception {
        String time = now();
        byte[] file = sheet(SERVICE_HEADINGS, 6, index -> service(index % 2 == 0 ? station : otherStation,
                index + 2, time));
        JsonNode job = finished(homeWorker, upload(homeWorker, "services", "混合.xlsx", file));
        assertThat(job.path("accepted").asInt()).isEqualTo(3);
        assertThat(job.path("refused").asInt()).isEqualTo(3);
        for (JsonNode row : api.get(homeWorker, "/api/import-jobs/" + job.path("jobId").asText() + "/rows").body()) {
            boolean own = row.path("row").asInt() % 2 == 0;
            assertThat(row.path("outcome").asText()).as(row.toString()).isEqualTo(own ? "ACCEPTED" : "REFUSED");
            if (!own) {
                // Out of reach reads as unknown, as the API answers it.
                assertThat(row.path("code").asText()).isEqualTo("STATION_UNKNOWN");
            }
        }
        // The rows the hq imports are recorded, and a worker's re-import does not learn they exist.
        JsonNode byHq = finished("hq", upload("hq", "services", "混合.xlsx", file));
        assertThat(byHq.path("accepted").asInt()).isEqualTo(3);
        assertThat(byHq.path("alreadyRecorded").asInt()).isEqualTo(3);
        JsonNode again = finished(homeWorker, upload(homeWorker, "services", "混合.xlsx", file));
        assertThat(again.path("alreadyRecorded").asInt()).isEqualTo(3);
        assertThat(again.path("refused").asInt()).isEqualTo(3);

        // Volunteers and funds are the operators' to import.
        Api.Response funds = upload(homeWorker, "funds", "资金.xlsx", template("funds"));
        assertThat(funds.status()).as(funds.toString()).isEqualTo(403);
        assertThat(funds.code()).isEqualTo("FORBIDDEN");
        Api.Response auditor = upload("auditor", "services", "服务记录.xlsx", file);
        assertThat(auditor.status()).as(auditor.toString()).isEqualTo(403);
        // Another user's job is unknown to them.
        Api.Response notTheirs = api.get("hq", "/api/import-jobs/" + job.path("jobId").asText());
        assertThat(notTheirs.status()).isEqualTo(404);
        assertThat(notTheirs.code()).isEqualTo("IMPORT_JOB_UNKNOWN");
    }

    @Test
    void everyTemplateFilledInAndUploadedRecordsItsRow() throws Exception {
        String time = now();
        Map<String, List<Object>> rows = Map.of(
                // Cells of "row 100": the worker's import records rows 2 to 7 at this station, perhaps in the same
                // second, and a row with the same number and cells is the same service (ImportJobs.rowId).
                "services", service(station, 100, time),
                "needs-surveys", Arrays.asList(home, LocalDateTime.now(SHANGHAI).toLocalDate().toString(), "社区走访",
                        30, "HOUSEKEEPING:12；FAMILY_EDUCATION:5", "模板导入"),
                "volunteers", Arrays.asList("林志愿", "IMP-" + UUID.randomUUID().toString().substring(0, 8), null,
                        home),
                "funds", Arrays.asList("社会资助", "导入测试基金会", "50000.50", time, "模板导入"));
        for (Map.Entry<String, List<Object>> kind : rows.entrySet()) {
            byte[] template = template(kind.getKey());
            byte[] filled;
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
                Sheet sheet = workbook.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(0).getCellComment()).as(kind.getKey()).isNotNull();
                Row row = sheet.createRow(1);
                List<Object> cells = kind.getValue();
                for (int i = 0; i < cells.size(); i++) {
                    Object value = cells.get(i);
                    if (value instanceof Number number) {
                        row.createCell(i).setCellValue(number.doubleValue());
                    } else if (value != null) {
                        row.createCell(i).setCellValue(value.toString());
                    }
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                workbook.write(out);
                filled = out.toByteArray();
            }
            JsonNode job = finished("hq", upload("hq", kind.getKey(), kind.getKey() + ".xlsx", filled));
            JsonNode outcome = api.get("hq", "/api/import-jobs/" + job.path("jobId").asText() + "/rows").body()
                    .get(0);
            assertThat(outcome.path("outcome").asText()).as(kind.getKey() + ": " + outcome).isEqualTo("ACCEPTED");
        }
        Eventually.assertThat(() -> assertThat(api.get("hq", "/api/funds?size=100").body().toString())
                .contains("导入测试基金会").contains("5000050"));
    }

    @Test
    void anImportsRowsTakeTheirTurnsAmongTheNodesChanges() throws Exception {
        ChangeAdmission admission = changeAdmission.getFilter();
        int turns = operations.getConcurrentChanges();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holders = Executors.newFixedThreadPool(turns);
        Api.Response started;
        try {
            for (int i = 0; i < turns; i++) {
                holders.submit(() -> {
                    admission.inTurn(() -> {
                        try {
                            release.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    return null;
                });
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> admission.running() == turns);
            String time = now();
            started = upload("hq", "services", "排队.xlsx", sheet(SERVICE_HEADINGS, 5, index -> {
                List<Object> cells = new ArrayList<>(service(station, index + 2, time));
                cells.set(10, "等候轮次的导入 第" + (index + 2) + "行");
                return cells;
            }));
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> admission.waiting() >= 1);
            Thread.sleep(1_500); // the job's progress is saved every second
            JsonNode meanwhile = api.get("hq", started.headers().getLocation().toString()).body();
            assertThat(meanwhile.path("status").asText()).as(meanwhile.toString()).isEqualTo("RUNNING");
            assertThat(meanwhile.path("done").asInt()).as("no row runs while every turn is taken").isZero();
        } finally {
            release.countDown();
            holders.shutdown();
        }
        JsonNode job = finished("hq", started);
        assertThat(job.path("accepted").asInt()).as(job.toString()).isEqualTo(5);
    }

    @Test
    void filesThatCannotBeImportedAreRefusedBeforeAnythingIsRecorded() throws Exception {
        Api.Response notXlsx = upload("hq", "services", "服务记录.xlsx", "驿站编号,驿站点\n".getBytes(
                StandardCharsets.UTF_8));
        assertThat(notXlsx.status()).as(notXlsx.toString()).isEqualTo(400);
        assertThat(notXlsx.code()).isEqualTo("IMPORT_NOT_XLSX");

        Api.Response wrongHeadings = upload("hq", "services", "资金.xlsx", template("funds"));
        assertThat(wrongHeadings.status()).as(wrongHeadings.toString()).isEqualTo(400);
        assertThat(wrongHeadings.code()).isEqualTo("IMPORT_HEADINGS_MISMATCH");
        assertThat(wrongHeadings.body().path("detail").asText()).contains("驿站编号");

        Api.Response empty = upload("hq", "services", "服务记录.xlsx", template("services"));
        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
        assertThat(empty.code()).isEqualTo("IMPORT_NO_ROWS");

        Api.Response unknownKind = upload("hq", "stations", "驿站.xlsx", template("services"));
        assertThat(unknownKind.status()).isEqualTo(404);
        assertThat(unknownKind.code()).isEqualTo("IMPORT_KIND_UNKNOWN");

        Api.Response noFile = api.post("hq", "/api/imports/services", "{}");
        assertThat(noFile.status()).as(noFile.toString()).isEqualTo(400);
        assertThat(noFile.code()).isEqualTo("IMPORT_FILE_REQUIRED");

        // Above the upload limit (10 MB): refused from its Content-Length, before a byte of it is read.
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /api/imports/services HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\nAuthorization: " + basic("hq") + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: " + (11 * 1024 * 1024)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] answer = new byte[4096];
            int read = socket.getInputStream().read(answer);
            String head = new String(answer, 0, Math.max(read, 0), StandardCharsets.UTF_8);
            assertThat(head).startsWith("HTTP/1.1 413");
        }
    }

    // Helpers

    private long recordsAt(String stationId) {
        return api.get("hq", "/api/stations/" + stationId + "/service-records?size=1").body().path("total").asLong();
    }

    private static byte[] sheet(List<String> headings, int rows, IntFunction<List<Object>> row) {
        return XlsxWriter.toBytes(SHANGHAI, xlsx -> {
            xlsx.sheet("服务记录").heading(headings);
            for (int i = 0; i < rows; i++) {
                xlsx.row(row.apply(i));
            }
        });
    }

    private byte[] template(String kind) {
        Download template = download("hq", "/api/imports/" + kind + "/template");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.contentType()).isEqualTo(XLSX);
        return template.body();
    }

    /** Waits for the job an upload started to finish; answers its progress. */
    private JsonNode finished(String user, Api.Response started) {
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String location = started.headers().getLocation().toString();
        JsonNode[] progress = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            progress[0] = api.get(user, location).body();
            assertThat(progress[0].path("status").asText()).as(progress[0].toString()).isEqualTo("DONE");
        });
        return progress[0];
    }

    private Api.Response upload(String user, String kind, String filename, byte[] content) {
        return api.upload(user, "/api/imports/" + kind, filename, XLSX, content);
    }

    private record Download(int status, String contentType, byte[] body) {
    }

    private Download download(String user, String path) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(api.base() + path))
                    .header("Authorization", basic(user)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("content-type").orElse(null),
                    response.body());
        } catch (IOException | InterruptedException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-demo")
                .getBytes(StandardCharsets.UTF_8));
    }
}
