package org.familystation.loader;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded, deterministic volume of money: funds received from the five kinds of source, most of each allocated to
 * pilot stations, part of each allocation spent. Amounts are integer fen.
 */
final class FundActivity {

    private record Source(String code, List<String> donors) {
    }

    private static final List<Source> SOURCES = List.of(
            new Source("FEDERATION_SPECIAL_FUNDS", List.of("市妇联家庭驿站专项经费", "市妇联妇女儿童发展专项")),
            new Source("SOCIAL_DONATION", List.of("金陵爱心企业联合会", "南京某银行公益基金", "热心市民捐赠")),
            new Source("VENTURE_PHILANTHROPY_SUBSIDY", List.of("南京市公益创投大赛", "区级公益创投项目")),
            new Source("GOVERNMENT_PURCHASE", List.of("民政局政府购买服务", "人社局就业培训购买服务")),
            new Source("ASSOCIATION_FUNDRAISING", List.of("南京市妇女儿童基金会", "巾帼志愿者协会募集")));
    private static final List<String> PURPOSES = List.of("活动物资采购", "讲师劳务费", "场地布置", "宣传资料印制",
            "志愿者交通补贴", "专业社工服务费");

    /** One fund with its allocations and expenditures, each a POST in order. */
    record Fund(String fundId, Map<String, Object> receipt, List<Allocation> allocations) {
    }

    record Allocation(String allocationId, Map<String, Object> body, List<Map<String, Object>> expenditures) {
    }

    private final List<NanjingScenario.Station> stations;
    private final long seed;

    FundActivity(List<NanjingScenario.Station> stations, long seed) {
        this.stations = stations;
        this.seed = seed;
    }

    Fund fund(int index) {
        Random random = new Random(seed * 7_919L + index);
        Source source = SOURCES.get(random.nextInt(SOURCES.size()));
        String fundId = NanjingScenario.id("fund", seed + ":" + index);
        long amountFen = (50_000 + random.nextInt(1_950_000)) * 100L;
        Instant receivedAt = ServiceActivity.FROM.plus(Duration.ofDays(random.nextInt(640)));
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("fundId", fundId);
        receipt.put("source", source.code());
        receipt.put("donor", source.donors().get(random.nextInt(source.donors().size())));
        receipt.put("amountFen", amountFen);
        receipt.put("receivedAt", receivedAt.toString());

        int parts = 1 + random.nextInt(3);
        long allocatable = amountFen * (60 + random.nextInt(31)) / 100;
        List<Allocation> allocations = new ArrayList<>();
        for (int part = 0; part < parts; part++) {
            String allocationId = NanjingScenario.id("allocation", fundId + ":" + part);
            long allocated = allocatable / parts;
            Map<String, Object> allocation = new LinkedHashMap<>();
            allocation.put("allocationId", allocationId);
            allocation.put("stationId", stations.get(random.nextInt(stations.size())).id());
            allocation.put("amountFen", allocated);
            // Allocated an hour after the money arrived, so before anything is spent from it (a day or more later).
            allocation.put("allocatedAt", receivedAt.plus(Duration.ofHours(1)).toString());
            long spent = allocated * random.nextInt(90) / 100;
            Map<String, Object> expenditure = new LinkedHashMap<>();
            expenditure.put("expenditureId", NanjingScenario.id("expenditure", allocationId));
            expenditure.put("amountFen", Math.max(spent, 100));
            expenditure.put("purpose", PURPOSES.get(random.nextInt(PURPOSES.size())));
            expenditure.put("spentAt", receivedAt.plus(Duration.ofDays(1 + random.nextInt(60))).toString());
            allocations.add(new Allocation(allocationId, allocation, List.of(expenditure)));
        }
        return new Fund(fundId, receipt, allocations);
    }
}
