package org.familystation.app;

import org.familystation.app.support.Api;
import org.familystation.app.support.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input is strict (issue 10 §5): whatever a client sends that the domain cannot hold is a 400 (413 for a body too
 * large) naming the field, decided once at the edge, and nothing is written.
 */
@ExtendWith(OutputCaptureExtension.class)
class StrictInputTest extends ApplicationTest {

    @BeforeEach
    void setUp() {
        station = scenario.openStation("严守家庭驿站", "秦淮区");
        socialWorker = scenario.socialWorkerAt(station);
    }

    private String station;
    private String socialWorker;

    /** A service-record body in which {@code field} is given as the raw JSON {@code value}. */
    private String service(String field, String value) {
        String deliveredAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        String body = """
                {"stationPoint": "EMOTIONAL", "projectCode": "PSYCHOLOGICAL_COUNSELLING", "providerKind": "SOCIAL_WORKER",
                 "socialWorkerIds": ["%s"], "deliveredAt": "%s", "participantCount": 3, "description": "心理疏导",
                 "outcome": "好转"}""".formatted(socialWorker, deliveredAt);
        return body.replaceFirst("\"" + field + "\": (\"[^\"]*\"|[0-9]+)", "\"" + field + "\": "
                + value.replace("\\", "\\\\").replace("$", "\\$"));
    }

    private Api.Response record(String body) {
        return api.post("worker", "/api/stations/" + station + "/service-records", body);
    }

    private void refusedField(int status, String code, String field, String body) {
        Api.Response response = refused(status, code, () -> record(body));
        assertThat(response.body().path("field").asText()).as(response.toString()).isEqualTo(field);
    }

    @Test
    void textWithNulOrControlCharactersOrLoneSurrogatesIsRefusedNamingTheField() {
        refusedField(400, "TEXT_INVALID_CHARACTERS", "description", service("description", "\"亲子\\u0000阅读\""));
        refusedField(400, "TEXT_INVALID_CHARACTERS", "description", service("description", "\"响铃\\u0007\""));
        refusedField(400, "TEXT_INVALID_CHARACTERS", "description", service("description", "\"半个\\uD800字\""));
        refusedField(400, "TEXT_INVALID_CHARACTERS", "description", service("description", "\"\\uDC00\""));
        refusedField(400, "TEXT_INVALID_CHARACTERS", "outcome", service("outcome", "\"王\\u001b[31m\""));
        // Tab, line breaks and characters beyond the BMP (a valid surrogate pair) are text.
        Api.Response accepted = record(service("description", "\"第一行\\n第二行\\t\\r\\uD83D\\uDE00\""));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
    }

    @Test
    void stringsNumbersAndBooleansAreNotCoerced() {
        refusedField(400, "INVALID_FIELD", "participantCount", service("participantCount", "\"12\""));
        refusedField(400, "INVALID_FIELD", "participantCount", service("participantCount", "true"));
        refusedField(400, "INVALID_FIELD", "participantCount", service("participantCount", "99999999999"));
        refusedField(400, "INVALID_FIELD", "description", service("description", "123"));
        refusedField(400, "INVALID_FIELD", "description", service("description", "false"));
        refusedField(400, "INVALID_FIELD", "description", service("description", "{\"a\": 1}"));
        refusedField(400, "INVALID_FIELD", "deliveredAt", service("deliveredAt", "1700000000"));
    }

    @Test
    void aConventionWithoutItsVersionIsRefusedNotA500() {
        // Found by CommandBodyFuzzTest: the answer's id was read from the missing version before the command ran.
        Api.Response response = refused(400, "CONVENTION_VERSION_INVALID", () -> api.post("hq",
                "/api/alliances/PUBLIC_WELFARE/conventions",
                "{\"conventionVersion\": null, \"gracePeriod\": \"P30D\", \"summary\": \"新版公约\"}"));
        assertThat(response.body().path("field").asText()).isEqualTo("conventionVersion");
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        String body = service("description", "\"心理疏导\", \"description\": \"覆盖\"");
        refusedField(400, "DUPLICATE_FIELD", "description", body);
    }

    @Test
    void deepNestingIsRefused() {
        // In a field the command does not know, which is otherwise ignored.
        String deep = "[".repeat(200) + "]".repeat(200);
        Api.Response response = refused(400, "BODY_TOO_COMPLEX",
                () -> record(service("description", "\"心理疏导\", \"extra\": " + deep)));
        assertThat(response.body().path("detailEn").asText()).contains("nested");
    }

    @Test
    void aBodyAboveTheLimitIsA413() throws Exception {
        long before = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        String path = "/api/stations/" + station + "/service-records";
        // A 20 MB body: refused from its Content-Length, before a byte of it is read.
        String refused = exchange(path, "Content-Length: " + (20 * 1024 * 1024), new byte[0]);
        assertThat(refused).startsWith("HTTP/1.1 413").contains("\"code\":\"PAYLOAD_TOO_LARGE\"", "correlationId");
        // Without a Content-Length (chunked), the limit is found while reading.
        byte[] padded = service("description", "\"大\"").replace("{", "{" + " ".repeat(1024 * 1024 + 10))
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        chunked.write((Integer.toHexString(padded.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        chunked.write(padded);
        chunked.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        String found = exchange(path, "Transfer-Encoding: chunked", chunked.toByteArray());
        assertThat(found).startsWith("HTTP/1.1 413").contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isEqualTo(before);
        // Just below the limit, the padding is only white space.
        byte[] fits = service("description", "\"大\"").replace("{", "{" + " ".repeat(1000 * 1000))
                .getBytes(StandardCharsets.UTF_8);
        assertThat(exchange(path, "Content-Length: " + fits.length, fits)).startsWith("HTTP/1.1 201");
    }

    /** One POST over a plain socket (the HTTP clients will not send a length they do not send a body for). */
    private String exchange(String path, String lengthHeader, byte[] body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Authorization: Basic " + Base64.getEncoder().encodeToString(
                    "worker:worker-demo".getBytes(StandardCharsets.UTF_8)) + "\r\n"
                    + "Content-Type: application/json\r\n" + lengthHeader + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(body);
                out.flush();
            } catch (IOException closedEarly) {
                // The server may answer and close before reading all of a refused body.
            }
            return readResponse(socket.getInputStream());
        }
    }

    /**
     * One response, read as far as its length says: the server may keep the connection open to swallow a body it
     * refused, so reading to the end of the stream could wait for ever.
     */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            String text = read.toString(StandardCharsets.UTF_8);
            int headerEnd = text.indexOf("\r\n\r\n");
            if (headerEnd >= 0) {
                String headers = text.substring(0, headerEnd).toLowerCase(Locale.ROOT);
                Matcher length = Pattern.compile("content-length: *([0-9]+)").matcher(headers);
                byte[] bytes = read.toByteArray();
                int bodyBytes = bytes.length - text.substring(0, headerEnd + 4).getBytes(StandardCharsets.UTF_8).length;
                if (length.find() ? bodyBytes >= Integer.parseInt(length.group(1)) : text.endsWith("\r\n0\r\n\r\n")) {
                    return text;
                }
            }
            int n = in.read(buffer);
            if (n < 0) {
                return read.toString(StandardCharsets.UTF_8);
            }
            read.write(buffer, 0, n);
        }
    }

    @Test
    void datesBeforeTheNetworkOrOutOfRangeAreRefused() {
        for (String instant : new String[]{"0001-01-01T00:00:00Z", "1900-06-01T00:00:00Z", "2013-12-31T15:59:59Z",
                "-999999999-01-01T00:00:00Z", "2100-01-01T00:00:00Z"}) {
            refusedField(400, "DATE_OUT_OF_RANGE", "deliveredAt", service("deliveredAt", "\"" + instant + "\""));
        }
        refusedField(400, "INVALID_FIELD", "deliveredAt", service("deliveredAt", "\"+1000000001-01-01T00:00:00Z\""));
        // The network's first day, in Shanghai, is allowed.
        Api.Response first = record(service("deliveredAt", "\"2013-12-31T16:00:00Z\""));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);

        String home = scenario.communityHome("严守妇女儿童之家", "秦淮区", "STANDARD");
        Api.Response survey = refused(400, "DATE_OUT_OF_RANGE", () -> api.post("worker",
                "/api/units/" + home + "/needs-surveys", """
                        {"surveyedOn": "1900-01-01", "channel": "COMMUNITY_VISIT", "respondentCount": 3,
                         "needs": [{"categoryCode": "HOUSEKEEPING", "count": 1}]}"""));
        assertThat(survey.body().path("field").asText()).isEqualTo("surveyedOn");
    }

    @Test
    void extremeDatesInQueriesAreA400NotAnOverflow() {
        for (String query : new String[]{"/api/service-records/search?from=-999999999-01-01",
                "/api/needs-surveys/search?to=+999999999-12-31", "/api/as-of?at=-999999999-01-01T00:00:00Z",
                "/api/evaluations?from=-999999999-01-01&to=2026-01-01",
                "/api/stations/" + station + "/service-records?from=-999999999-01-01"}) {
            Api.Response response = refused(400, "INVALID_PARAMETER", () -> api.get("auditor", query));
            assertThat(response.body().path("field").asText()).as(query).isIn("from", "to", "at");
        }
        refused(400, "AUDIT_TIME_INVALID",
                () -> api.get("auditor", "/api/audit/events?from=-999999999-01-01T00:00:00Z"));
        // Years before the network are a fair question with an empty answer.
        assertThat(api.get("auditor", "/api/service-records/search?from=1900-01-01&to=1900-12-31").status())
                .isEqualTo(200);
    }

    @Test
    void numbersAreBounded() {
        refusedField(400, "PARTICIPANTS_INVALID", "participantCount", service("participantCount", "10001"));
        refusedField(400, "PARTICIPANTS_INVALID", "participantCount", service("participantCount", "2147483647"));
    }

    @Test
    void anUnknownFilterValueIsA400NamingTheParameter() {
        for (String path : new String[]{"/api/stations?status=X", "/api/alliance-members?status=X",
                "/api/referrals?status=X", "/api/stations?tier=X"}) {
            Api.Response response = refused(400, "INVALID_PARAMETER", () -> api.get("auditor", path));
            assertThat(response.body().path("field").asText()).isIn("status", "tier");
        }
        assertThat(api.get("auditor", "/api/stations?status=OPEN").status()).isEqualTo(200);
    }

    @Test
    void pagingPastTheSearchWindowSaysHowToNarrowTheQuery() {
        Api.Response refused = refused(400, "PAGE_BEYOND_SEARCH_WINDOW",
                () -> api.get("auditor", "/api/service-records/search?page=500&size=20"));
        assertThat(refused.body().path("field").asText()).isEqualTo("page");
        assertThat(refused.body().path("detailEn").asText()).contains("narrow", "page=499");
        refused(400, "PAGE_BEYOND_SEARCH_WINDOW",
                () -> api.get("auditor", "/api/needs-surveys/search?page=2000000&size=100"));
        assertThat(api.get("auditor", "/api/service-records/search?page=499&size=20").status()).isEqualTo(200);
    }

    @Test
    void aRefusalLogsOneLineNotAStackTrace(CapturedOutput output) {
        int from = output.getAll().length();
        String id = UUID.randomUUID().toString();
        String body = "{\"communityHomeId\": \"%s\", \"stationName\": \"日志驿站\", \"stationId\": \"%s\"}";
        refused(422, "COMMUNITY_HOME_UNKNOWN", () -> api.post("hq", "/api/stations",
                body.formatted(UUID.randomUUID(), id)));
        String home = scenario.communityHome("日志妇女儿童之家", "秦淮区", "STANDARD");
        assertThat(api.post("hq", "/api/stations", body.formatted(home, id)).status()).isEqualTo(201);
        String otherHome = scenario.communityHome("日志二妇女儿童之家", "秦淮区", "STANDARD");
        refused(409, "ID_ALREADY_USED", () -> api.post("hq", "/api/stations",
                body.formatted(otherHome, id)));
        refusedField(400, "TEXT_INVALID_CHARACTERS", "description", service("description", "\"\\u0000\""));
        String logged = output.getAll().substring(from);
        assertThat(logged).contains("Refused 422 COMMUNITY_HOME_UNKNOWN", "Refused 409 ID_ALREADY_USED",
                "Refused 400 TEXT_INVALID_CHARACTERS");
        assertThat(logged).doesNotContain("\tat ", "Exception:");
    }
}
