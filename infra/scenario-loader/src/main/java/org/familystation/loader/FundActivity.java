package org.familystation.loader;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded, deterministic volume of money over the years: funds received from the five kinds of source, most of each
 * allocated to stations, part of each allocation spent. Amounts are integer fen.
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

    /**
     * The index-th fund: its year and its source in turn (so a few dozen funds cover every year and every source),
     * received by the end of September, allocated within ten days to stations open then (first to a pilot station), and spent within the same
     * year, so that no year spends more than it allocated.
     */
    Fund fund(int index) {
        Random random = new Random(seed * 7_919L + index);
        int year = NanjingScenario.FIRST_YEAR + index % (NanjingScenario.LAST_YEAR - NanjingScenario.FIRST_YEAR + 1);
        Source source = SOURCES.get(index % SOURCES.size());
        String fundId = NanjingScenario.id("fund", seed + ":" + index);
        long amountFen = (50_000 + random.nextInt(1_950_000)) * 100L;
        LocalDate first = year == NanjingScenario.FIRST_YEAR ? LocalDate.of(year, 3, 20) : LocalDate.of(year, 1, 10);
        LocalDate received = first.plusDays(random.nextInt((int) (LocalDate.of(year, 9, 30).toEpochDay()
                - first.toEpochDay())));
        Instant receivedAt = received.atTime(9, 30).atZone(NanjingScenario.SHANGHAI).toInstant();
        Instant yearEnds = LocalDate.of(year, 12, 20).atStartOfDay(NanjingScenario.SHANGHAI).toInstant();
        Instant lastSpending = yearEnds.isBefore(NanjingScenario.END) ? yearEnds : NanjingScenario.END;
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
            Instant allocatedAt = receivedAt.plus(Duration.ofDays(1 + random.nextInt(10)));
            // The first part goes to a pilot station, so the pilot's evaluations see money every year.
            int nth = part;
            List<NanjingScenario.Station> open = stations.stream().filter(station -> station.openAt(allocatedAt)
                    && (nth > 0 || station.pilot())).toList();
            long allocated = allocatable / parts;
            Map<String, Object> allocation = new LinkedHashMap<>();
            allocation.put("allocationId", allocationId);
            allocation.put("stationId", open.get(random.nextInt(open.size())).id());
            allocation.put("amountFen", allocated);
            allocation.put("allocatedAt", allocatedAt.toString());
            long spent = allocated * random.nextInt(90) / 100;
            Instant spentAt = allocatedAt.plus(Duration.ofDays(1 + random.nextInt(60)));
            Map<String, Object> expenditure = new LinkedHashMap<>();
            expenditure.put("expenditureId", NanjingScenario.id("expenditure", allocationId));
            expenditure.put("amountFen", Math.max(spent, 100));
            expenditure.put("purpose", PURPOSES.get(random.nextInt(PURPOSES.size())));
            expenditure.put("spentAt", (spentAt.isBefore(lastSpending) ? spentAt : lastSpending).toString());
            allocations.add(new Allocation(allocationId, allocation, List.of(expenditure)));
        }
        return new Fund(fundId, receipt, allocations);
    }
}
