package org.familystation.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.familystation.app.support.Api;
import org.familystation.app.support.ApplicationTest;
import org.familystation.app.support.Eventually;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Money end to end, over HTTP, on the real servers: funds received, allocated to a station and to a project,
 * spent and released; balances per fund, allocation and station; the funding mix; and the refusals that keep
 * allocations within what was received and spending within what was allocated.
 */
class FundingFlowTest extends ApplicationTest {

    @Test
    void receivesAllocatesSpendsAndShowsBalancesAndTheFundingMix() {
        String district = "六合区";
        JsonNode networkBefore = mix("");
        JsonNode districtBefore = mix("?district=" + district);
        JsonNode octoberBefore = mix("?from=2026-10&to=2026-10");
        String station = scenario.openStation("雄州家庭驿站", district);

        // ¥50,000.00 of venture-philanthropy subsidy, received on 15 October.
        String fund = UUID.randomUUID().toString();
        Api.Response received = api.post("hq", "/api/funds", """
                {"fundId": "%s", "source": "VENTURE_PHILANTHROPY_SUBSIDY", "donor": "南京市公益创投大赛",
                 "amountFen": 5000000, "receivedAt": "2026-10-15T10:00:00+08:00", "note": "第三届公益创投资助"}"""
                .formatted(fund));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        assertThat(received.id()).isEqualTo(fund);
        assertThat(received.headers().getLocation()).hasToString("/api/funds/" + fund);

        Api.Response toStation = api.post("hq", "/api/funds/" + fund + "/allocations",
                ("{\"stationId\": \"%s\", \"amountFen\": 3000000, \"note\": \"驿站运营\","
                        + " \"allocatedAt\": \"2026-11-01T10:00:00+08:00\"}").formatted(station));
        assertThat(toStation.status()).as(toStation.toString()).isEqualTo(201);
        String stationAllocation = toStation.id();
        assertThat(toStation.headers().getLocation())
                .hasToString("/api/funds/" + fund + "/allocations/" + stationAllocation);
        Api.Response toProject = api.post("admin", "/api/funds/" + fund + "/allocations",
                "{\"projectCode\": \"FAMILY_EDUCATION\", \"amountFen\": 1500000}");
        assertThat(toProject.status()).as(toProject.toString()).isEqualTo(201);
        String projectAllocation = toProject.id();

        // A social worker records what the station spent: ¥12,345.67.
        Api.Response spent = api.post("worker", "/api/funds/" + fund + "/allocations/" + stationAllocation
                + "/expenditures", """
                {"amountFen": 1234567, "purpose": "亲子阅读角图书与活动物料", "spentAt": "2026-11-20T14:00:00+08:00",
                 "voucherNumber": "记-2026-11-087"}""");
        assertThat(spent.status()).as(spent.toString()).isEqualTo(201);
        assertThat(spent.headers().getLocation()).hasToString("/api/funds/" + fund + "/allocations/"
                + stationAllocation + "/expenditures/" + spent.id());

        // Balances per fund ...
        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/funds/" + fund).body().path("spentFen")
                .asLong()).isEqualTo(1_234_567));
        JsonNode fundView = api.get("auditor", "/api/funds/" + fund).body();
        assertThat(fundView.path("source").asText()).isEqualTo("VENTURE_PHILANTHROPY_SUBSIDY");
        assertThat(fundView.path("sourceLabel").asText()).isEqualTo("公益创投补贴");
        assertThat(fundView.path("donor").asText()).isEqualTo("南京市公益创投大赛");
        assertThat(fundView.path("receivedFen").asLong()).isEqualTo(5_000_000);
        assertThat(fundView.path("allocatedFen").asLong()).isEqualTo(4_500_000);
        assertThat(fundView.path("unallocatedFen").asLong()).isEqualTo(500_000);
        assertThat(fundView.path("allocations").findValuesAsText("allocationId"))
                .containsExactlyInAnyOrder(stationAllocation, projectAllocation);

        // ... per allocation ...
        JsonNode allocation = api.get("auditor", "/api/funds/" + fund + "/allocations/" + stationAllocation).body();
        assertThat(allocation.path("stationName").asText()).isEqualTo("雄州家庭驿站");
        assertThat(allocation.path("district").asText()).isEqualTo(district);
        assertThat(allocation.path("allocatedFen").asLong()).isEqualTo(3_000_000);
        assertThat(allocation.path("spentFen").asLong()).isEqualTo(1_234_567);
        assertThat(allocation.path("remainingFen").asLong()).isEqualTo(1_765_433);
        assertThat(allocation.path("expenditures")).singleElement().satisfies(expenditure -> {
            assertThat(expenditure.path("amountFen").asLong()).isEqualTo(1_234_567);
            assertThat(expenditure.path("voucherNumber").asText()).isEqualTo("记-2026-11-087");
        });
        assertThat(api.get("auditor", spent.headers().getLocation().toString()).body().path("purpose").asText())
                .isEqualTo("亲子阅读角图书与活动物料");
        JsonNode project = api.get("auditor", "/api/funds/" + fund + "/allocations/" + projectAllocation).body();
        assertThat(project.path("projectName").asText()).isEqualTo("家庭教育");
        assertThat(project.has("district")).isFalse();

        // ... and per station.
        JsonNode funding = api.get("auditor", "/api/stations/" + station + "/funding").body();
        assertThat(funding.path("allocatedFen").asLong()).isEqualTo(3_000_000);
        assertThat(funding.path("spentFen").asLong()).isEqualTo(1_234_567);
        assertThat(funding.path("remainingFen").asLong()).isEqualTo(1_765_433);
        assertThat(funding.path("allocations").findValuesAsText("fundId")).containsExactly(fund);

        assertThat(api.get("auditor", "/api/funds?source=VENTURE_PHILANTHROPY_SUBSIDY&size=100").body()
                .path("items").findValuesAsText("fundId")).contains(fund);
        assertThat(api.get("auditor", "/api/funds?source=SOCIAL_DONATION&size=100").body()
                .path("items").findValuesAsText("fundId")).doesNotContain(fund);

        // The funding mix of the network: received in October, allocated in November and now, spent in November.
        JsonNode network = mix("");
        assertThat(network.path("receivedFen").asLong() - networkBefore.path("receivedFen").asLong())
                .isEqualTo(5_000_000);
        assertThat(network.path("allocatedFen").asLong() - networkBefore.path("allocatedFen").asLong())
                .isEqualTo(4_500_000);
        assertThat(network.path("spentFen").asLong() - networkBefore.path("spentFen").asLong())
                .isEqualTo(1_234_567);
        assertThat(network.path("bySource").findValuesAsText("source")).containsExactly("FEDERATION_SPECIAL_FUNDS",
                "SOCIAL_DONATION", "VENTURE_PHILANTHROPY_SUBSIDY", "GOVERNMENT_PURCHASE", "ASSOCIATION_FUNDRAISING");
        assertThat(venture(network).path("label").asText()).isEqualTo("公益创投补贴");
        assertThat(venture(network).path("receivedFen").asLong() - venture(networkBefore).path("receivedFen")
                .asLong()).isEqualTo(5_000_000);
        assertThat(venture(network).path("receivedShareBasisPoints").asInt()).isEqualTo(basisPoints(
                venture(network).path("receivedFen").asLong(), network.path("receivedFen").asLong()));
        assertThat(inDistrict(network, district) - inDistrict(networkBefore, district)).isEqualTo(3_000_000);
        assertThat(inDistrict(network, null) - inDistrict(networkBefore, null)).isEqualTo(1_500_000);

        // The mix of one district: what reached its stations; funds are received by the network, not by districts.
        JsonNode inLiuhe = mix("?district=" + district);
        assertThat(inLiuhe.has("receivedFen")).isFalse();
        assertThat(venture(inLiuhe).has("receivedFen")).isFalse();
        assertThat(inLiuhe.path("allocatedFen").asLong() - districtBefore.path("allocatedFen").asLong())
                .isEqualTo(3_000_000);
        assertThat(inLiuhe.path("spentFen").asLong() - districtBefore.path("spentFen").asLong())
                .isEqualTo(1_234_567);
        assertThat(venture(inLiuhe).path("allocatedShareBasisPoints").asInt()).isEqualTo(basisPoints(
                venture(inLiuhe).path("allocatedFen").asLong(), inLiuhe.path("allocatedFen").asLong()));
        assertThat(inLiuhe.path("byDistrict").findValuesAsText("district")).containsExactly(district);

        // The mix of October: the receipt, but not the allocations (November, now) nor the spending (November).
        JsonNode october = mix("?from=2026-10&to=2026-10");
        assertThat(october.path("receivedFen").asLong() - octoberBefore.path("receivedFen").asLong())
                .isEqualTo(5_000_000);
        assertThat(october.path("spentFen").asLong()).isEqualTo(octoberBefore.path("spentFen").asLong());

        // Releasing the project allocation returns its unspent money to the fund.
        assertThat(api.post("hq", "/api/funds/" + fund + "/allocations/" + projectAllocation + "/release",
                "{\"reason\": \"讲座改由区妇联承办\"}").status()).isEqualTo(204);
        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/funds/" + fund).body()
                .path("unallocatedFen").asLong()).isEqualTo(2_000_000));
        JsonNode released = api.get("auditor", "/api/funds/" + fund + "/allocations/" + projectAllocation).body();
        assertThat(released.path("released").asBoolean()).isTrue();
        assertThat(released.path("releasedFen").asLong()).isEqualTo(1_500_000);
        assertThat(released.path("remainingFen").asLong()).isZero();
        assertThat(mix("").path("allocatedFen").asLong() - networkBefore.path("allocatedFen").asLong())
                .isEqualTo(3_000_000);

        JsonNode history = api.get("auditor", "/api/history/funds/" + fund).body();
        assertThat(history.findValuesAsText("type")).containsExactly("FundsReceived", "FundsAllocated",
                "FundsAllocated", "ExpenditureRecorded", "AllocationReleased");
        assertThat(history.get(3).path("metadata").path("userId").asText()).isEqualTo("worker");
    }

    @Test
    void refusesToAllocateMoreThanIsUnallocatedAndWritesNothing() {
        String station = scenario.openStation("江浦家庭驿站", "浦口区");
        String fund = api.post("hq", "/api/funds", """
                {"source": "SOCIAL_DONATION", "donor": "南京爱心基金会", "amountFen": 1000000,
                 "receivedAt": "2026-11-02T09:30:00+08:00"}""").id();
        String allocation = api.post("hq", "/api/funds/" + fund + "/allocations",
                "{\"stationId\": \"%s\", \"amountFen\": 600000, \"allocatedAt\": \"2026-11-05T09:00:00+08:00\"}"
                        .formatted(station)).id();
        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/funds/" + fund).body()
                .path("unallocatedFen").asLong()).isEqualTo(400_000));

        String rejected = UUID.randomUUID().toString();
        Api.Response over = refused(422, "ALLOCATION_EXCEEDS_UNALLOCATED", () -> api.post("hq",
                "/api/funds/" + fund + "/allocations", """
                        {"allocationId": "%s", "projectCode": "LEGAL_AID", "amountFen": 400001}""".formatted(rejected)));
        assertThat(over.body().path("field").asText()).isEqualTo("amountFen");
        assertThat(over.body().path("detail").asText()).contains("¥4,000.01", "¥4,000.00");
        // What is left can still be allocated, under the id the refused request wanted.
        Api.Response exact = api.post("hq", "/api/funds/" + fund + "/allocations", """
                {"allocationId": "%s", "projectCode": "LEGAL_AID", "amountFen": 400000}""".formatted(rejected));
        assertThat(exact.status()).as(exact.toString()).isEqualTo(201);

        String spending = "/api/funds/" + fund + "/allocations/" + allocation + "/expenditures";
        refused(422, "EXPENDITURE_EXCEEDS_ALLOCATION", () -> api.post("worker", spending,
                "{\"amountFen\": 600001, \"purpose\": \"场地租金\", \"spentAt\": \"2026-11-10T02:00:00Z\"}"));
        refused(400, "AMOUNT_NOT_POSITIVE", () -> api.post("worker", spending,
                "{\"amountFen\": 0, \"purpose\": \"场地租金\", \"spentAt\": \"2026-11-10T02:00:00Z\"}"));
        Api.Response fraction = refused(400, "INVALID_FIELD", () -> api.post("worker", spending,
                "{\"amountFen\": 100.5, \"purpose\": \"场地租金\", \"spentAt\": \"2026-11-10T02:00:00Z\"}"));
        assertThat(fraction.body().path("field").asText()).isEqualTo("amountFen");
        refused(404, "ALLOCATION_UNKNOWN", () -> api.post("worker", "/api/funds/" + fund + "/allocations/"
                + UUID.randomUUID() + "/expenditures", "{\"amountFen\": 100, \"purpose\": \"场地租金\","
                + " \"spentAt\": \"2026-11-10T02:00:00Z\"}"));
        refused(400, "TARGET_INVALID", () -> api.post("hq", "/api/funds/" + fund + "/allocations",
                "{\"amountFen\": 100}"));
        refused(404, "STATION_UNKNOWN", () -> api.post("hq", "/api/funds/" + fund + "/allocations",
                "{\"stationId\": \"%s\", \"amountFen\": 100}".formatted(UUID.randomUUID())));
        refused(404, "NOT_FOUND", () -> api.post("hq", "/api/funds/" + UUID.randomUUID() + "/allocations",
                "{\"projectCode\": \"LEGAL_AID\", \"amountFen\": 100}"));
        refused(400, "SOURCE_UNKNOWN", () -> api.post("hq", "/api/funds", """
                {"source": "LOTTERY", "donor": "福彩", "amountFen": 100, "receivedAt": "2026-11-02T01:00:00Z"}"""));
        refused(400, "RECEIVED_IN_FUTURE", () -> api.post("hq", "/api/funds", """
                {"source": "SOCIAL_DONATION", "donor": "南京爱心基金会", "amountFen": 100,
                 "receivedAt": "2099-01-01T00:00:00Z"}"""));
        refused(409, "ID_ALREADY_USED", () -> api.post("hq", "/api/funds", """
                {"fundId": "%s", "source": "SOCIAL_DONATION", "donor": "南京爱心基金会", "amountFen": 1000000,
                 "receivedAt": "2026-11-02T09:30:00+08:00"}""".formatted(fund)));
        refused(403, "FORBIDDEN", () -> api.post("worker", "/api/funds/" + fund + "/allocations",
                "{\"projectCode\": \"LEGAL_AID\", \"amountFen\": 100}"));
        refused(403, "FORBIDDEN", () -> api.post("auditor", spending,
                "{\"amountFen\": 100, \"purpose\": \"场地租金\", \"spentAt\": \"2026-11-10T02:00:00Z\"}"));

        // The read side shows the fund as it was: nothing of the refused requests reached it.
        Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/funds/" + fund).body()
                .path("allocations")).hasSize(2));
        JsonNode fundView = api.get("auditor", "/api/funds/" + fund).body();
        assertThat(fundView.path("receivedFen").asLong()).isEqualTo(1_000_000);
        assertThat(fundView.path("unallocatedFen").asLong()).isZero();
        assertThat(fundView.path("spentFen").asLong()).isZero();
    }

    @Test
    void racingAllocationsNeverExceedWhatWasReceived() throws Exception {
        String fund = api.post("hq", "/api/funds", """
                {"source": "ASSOCIATION_FUNDRAISING", "donor": "南京市家庭服务业协会", "amountFen": 1000000,
                 "receivedAt": "2026-11-03T09:00:00+08:00"}""").id();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                answers.add(clients.submit(() -> api.post("hq", "/api/funds/" + fund + "/allocations",
                        "{\"projectCode\": \"SKILLS_TRAINING\", \"amountFen\": 300000}")));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Response> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS).status());
            }
            // ¥10,000.00 holds at most three allocations of ¥3,000.00. The others are refused (422), or lost the
            // race more often than the gateway retries (409 CONCURRENT_CHANGE); none is half-done.
            long allocated = statuses.stream().filter(status -> status == 201).count();
            assertThat(allocated).as(statuses.toString()).isBetween(1L, 3L);
            assertThat(statuses).filteredOn(status -> status != 201).allSatisfy(status ->
                    assertThat(status).isIn(422, 409));
            Eventually.assertThat(() -> assertThat(api.get("auditor", "/api/funds/" + fund).body()
                    .path("allocations")).hasSize((int) allocated));
            assertThat(api.get("auditor", "/api/funds/" + fund).body().path("unallocatedFen").asLong())
                    .isEqualTo(1_000_000 - allocated * 300_000);
        } finally {
            clients.shutdown();
        }
    }

    @Test
    void unknownIdsAndBadParametersOfTheFundingQueries() {
        String unknown = UUID.randomUUID().toString();
        refused(404, "FUND_NOT_FOUND", () -> api.get("auditor", "/api/funds/" + unknown));
        refused(404, "ALLOCATION_NOT_FOUND", () -> api.get("auditor",
                "/api/funds/" + unknown + "/allocations/" + unknown));
        refused(404, "STATION_NOT_FOUND", () -> api.get("auditor", "/api/stations/" + unknown + "/funding"));
        refused(400, "INVALID_PARAMETER", () -> api.get("auditor", "/api/funds?source=LOTTERY"));
        refused(400, "PERIOD_INVALID", () -> api.get("auditor",
                "/api/dashboard/funding?from=2026-12&to=2026-11"));
    }

    private JsonNode mix(String query) {
        Api.Response response = api.get("auditor", "/api/dashboard/funding" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode venture(JsonNode mix) {
        for (JsonNode source : mix.path("bySource")) {
            if (source.path("source").asText().equals("VENTURE_PHILANTHROPY_SUBSIDY")) {
                return source;
            }
        }
        throw new AssertionError("no VENTURE_PHILANTHROPY_SUBSIDY in " + mix);
    }

    /** Allocated to the district's stations (null: to service projects), 0 when the district has none. */
    private static long inDistrict(JsonNode mix, String district) {
        for (JsonNode row : mix.path("byDistrict")) {
            if (district == null ? !row.has("district") : row.path("district").asText().equals(district)) {
                return row.path("allocatedFen").asLong();
            }
        }
        return 0;
    }

    private static int basisPoints(long part, long total) {
        return (int) ((part * 10_000 + total / 2) / total);
    }
}
