package org.familystation.benchmark;

import org.familystation.events.common.ReferenceScenario;
import org.familystation.loader.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Load on several application nodes, as users behind a load balancer send it: each client prefers one node and,
 * when that node gives no answer (dead, restarting), sends the next request to another. It keeps every
 * acknowledged command (its aggregate and the event it must have recorded), so that what was acknowledged can be
 * looked for afterwards, and counts the answers that were not 2xx by problem code.
 *
 * <p>Two mixes: {@code referralsAndRecords} (RecordService, and one ReferCase in ten, left unanswered so that each
 * referral's acceptance deadline falls due) and {@code mixed} (the soak: the service-record and referral lifecycles —
 * record, correct, void; refer, accept, decline, start work, resolve, close, withdraw —, needs surveys recorded,
 * corrected and voided, money received, allocated to stations and spent, volunteers registered, social workers
 * recruited and assigned; and the queries and searches users send: the services, needs and funding dashboards, a
 * record by id, a station's records, full-text search of service records and of needs surveys).
 */
final class Traffic {

    /** An acknowledged command: the aggregate it changed and the event (simple class name) it must have recorded. */
    record Acknowledged(String aggregateId, String event) {
    }

    private static final String RIGHTS_CENTRE = "RIGHTS_SERVICE_CENTRE";
    private static final List<String> WORDS = List.of("讲座", "培训", "老人", "家庭", "法律", "心理", "亲子", "志愿");
    private static final List<String> WISHES = List.of("希望增加周末的亲子活动", "老人白天无人照看，需要日间照料",
            "想学习电商和直播带货技能", "希望有法律专家定期坐班答疑", "希望开设女性创业贷款讲座");
    private static final List<String> NEEDS = List.of("EMPTY_NEST_ELDERLY", "HOUSEKEEPING", "FAMILY_EDUCATION",
            "EMPLOYMENT_RIGHTS", "MARRIAGE_FAMILY_RIGHTS");
    /** Money of the soak is received, allocated and spent in 2026, when every benchmark station is open. */
    private static final Instant MONEY_FROM = Instant.parse("2026-01-05T01:30:00Z");

    private final World world;
    private final boolean mixed;
    private volatile List<URI> nodes;
    private final Map<String, ApiClient> apis = new ConcurrentHashMap<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    final ConcurrentLinkedQueue<String> records = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> referrals = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    final Map<String, AtomicLong> answersByKind = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> errorsByCode = new ConcurrentHashMap<>();
    final AtomicLong queries = new AtomicLong();
    private volatile Consumer<String> recordWatcher = id -> { };

    Traffic(World world, List<URI> nodes, boolean mixed) {
        this.world = world;
        this.nodes = List.copyOf(nodes);
        this.mixed = mixed;
    }

    /** The nodes now serving (a restarted node answers on a new port). */
    void nodes(List<URI> serving) {
        nodes = List.copyOf(serving);
    }

    /** Told of every acknowledged RecordService with its id (a lag probe). */
    void watchRecords(Consumer<String> watcher) {
        recordWatcher = watcher;
    }

    void start(int clients) {
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> run(client), "traffic-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    void stop() throws InterruptedException {
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
    }

    long acknowledgedCount() {
        return acknowledged.size();
    }

    long errorCount() {
        return errorsByCode.values().stream().mapToLong(AtomicLong::get).sum();
    }

    Map<String, Long> errorsByCode() {
        Map<String, Long> errors = new TreeMap<>();
        errorsByCode.forEach((code, count) -> errors.put(code, count.get()));
        return errors;
    }

    Map<String, Long> answersByKind() {
        Map<String, Long> answers = new TreeMap<>();
        answersByKind.forEach((kind, count) -> answers.put(kind, count.get()));
        return answers;
    }

    /** One client's own records and referrals, so that it moves them through their lifecycles without races. */
    private static final class Own {
        final List<String> records = new ArrayList<>();
        final Map<String, String> referrals = new LinkedHashMap<>();
        final List<String> surveys = new ArrayList<>();
        /** Funds received, each with its allocation once allocated (fund id → allocation id, or null). */
        final Map<String, String> funds = new LinkedHashMap<>();
        final Map<String, Integer> expenditures = new HashMap<>();
    }

    private void run(int client) {
        Random random = new Random(client * 7_919L + System.nanoTime());
        Own own = new Own();
        int preferred = client;
        while (!stop.get()) {
            try {
                preferred = step(random, own, preferred);
            } catch (RuntimeException e) {
                count(errorsByCode, "HARNESS " + e.getClass().getSimpleName());
            }
        }
    }

    /** Sends one request; answers the node to prefer next (another one when this one gave no answer). */
    private int step(Random random, Own own, int preferred) {
        World.Station station = World.pick(random, world.stations);
        int roll = random.nextInt(100);
        if (!mixed) {
            return roll < 10 ? refer(random, own, station, preferred) : record(random, own, station, preferred);
        }
        if (roll < 30) {
            return record(random, own, station, preferred);
        }
        if (roll < 36 && !own.records.isEmpty()) {
            String id = own.records.get(random.nextInt(own.records.size()));
            return command(preferred, "hq", "CorrectServiceRecord", "/api/service-records/" + id + "/corrections",
                    Map.of("changes", Map.of("participantCount", 1 + random.nextInt(40)), "reason", "参与人数复核更正"),
                    id, "ServiceRecordCorrected", null);
        }
        if (roll < 38 && !own.records.isEmpty()) {
            String id = own.records.remove(random.nextInt(own.records.size()));
            return command(preferred, "hq", "VoidServiceRecord", "/api/service-records/" + id + "/voiding",
                    Map.of("reason", "重复录入"), id, "ServiceRecordVoided", null);
        }
        if (roll < 44) {
            return refer(random, own, station, preferred);
        }
        if (roll < 55 && !own.referrals.isEmpty()) {
            return advanceReferral(random, own, preferred);
        }
        if (roll < 58) {
            return survey(random, own, station, preferred);
        }
        if (roll < 59 && !own.surveys.isEmpty()) {
            return changeSurvey(random, own, preferred);
        }
        if (roll < 61) {
            return money(random, own, station, preferred);
        }
        if (roll < 62) {
            return people(random, station, preferred);
        }
        return query(random, own, preferred);
    }

    private int record(Random random, Own own, World.Station station, int preferred) {
        String id = World.newId();
        return command(preferred, "hq", "RecordService", "/api/stations/" + station.id() + "/service-records",
                world.record(random, station, id), id, "ServiceRecorded", () -> {
                    records.add(id);
                    own.records.add(id);
                    if (own.records.size() > 50) {
                        own.records.remove(0);
                    }
                    recordWatcher.accept(id);
                });
    }

    private int refer(Random random, Own own, World.Station station, int preferred) {
        String id = World.newId();
        return command(preferred, "hq", "ReferCase", "/api/stations/" + station.id() + "/referrals",
                Map.of("referralId", id, "centre", RIGHTS_CENTRE, "category", random.nextBoolean() ? "LEGAL_AID"
                        : "PSYCHOLOGICAL_SUPPORT", "summary", "当事人需要法律援助与心理疏导", "consentGiven", true,
                        "consentMethod", "WRITTEN"), id, "CaseReferred", () -> {
                    referrals.add(id);
                    if (mixed) {
                        own.referrals.put(id, "REFERRED");
                    }
                });
    }

    /** The next step of one of this client's referrals, by the centre (or, sometimes, the station withdraws it). */
    private int advanceReferral(Random random, Own own, int preferred) {
        List<String> ids = new ArrayList<>(own.referrals.keySet());
        String id = ids.get(random.nextInt(ids.size()));
        String base = "/api/referrals/" + id;
        return switch (own.referrals.get(id)) {
            case "REFERRED" -> switch (random.nextInt(10)) {
                case 0 -> command(preferred, "rights-centre", "DeclineReferral", base + "/decline",
                        Map.of("reason", "不属于本中心受理范围"), id, "ReferralDeclined", () -> own.referrals.remove(id));
                case 1 -> command(preferred, "hq", "WithdrawReferral", base + "/withdrawal",
                        Map.of("reason", "当事人已自行解决"), id, "ReferralWithdrawn", () -> own.referrals.remove(id));
                default -> command(preferred, "rights-centre", "AcceptReferral", base + "/acceptance", Map.of(), id,
                        "ReferralAccepted", () -> own.referrals.put(id, "ACCEPTED"));
            };
            case "ACCEPTED" -> command(preferred, "rights-centre", "StartReferralWork", base + "/work", Map.of(), id,
                    "ReferralWorkStarted", () -> own.referrals.put(id, "IN_PROGRESS"));
            case "IN_PROGRESS" -> command(preferred, "rights-centre", "ResolveReferral", base + "/resolution",
                    Map.of("outcome", "已协助申请法律援助"), id, "ReferralResolved", () -> own.referrals.put(id, "RESOLVED"));
            default -> command(preferred, "rights-centre", "CloseReferral", base + "/closure", Map.of(), id,
                    "ReferralClosed", () -> own.referrals.remove(id));
        };
    }

    /** A needs survey at the station's community home, as its home's staff record one after a visit. */
    private int survey(Random random, Own own, World.Station station, int preferred) {
        String id = World.newId();
        int respondents = 10 + random.nextInt(190);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("surveyId", id);
        body.put("surveyedOn", LocalDate.of(2026, 1 + random.nextInt(10), 1 + random.nextInt(28)).toString());
        body.put("channel", "COMMUNITY_VISIT");
        body.put("respondentCount", respondents);
        body.put("needs", List.of(Map.of("categoryCode", World.pick(random, NEEDS), "count",
                1 + random.nextInt(respondents))));
        body.put("freeText", World.pick(random, WISHES));
        return command(preferred, "hq", "RecordNeedsSurvey", "/api/units/" + station.homeId() + "/needs-surveys",
                body, id, "NeedsSurveyRecorded", () -> {
                    own.surveys.add(id);
                    if (own.surveys.size() > 20) {
                        own.surveys.remove(0);
                    }
                });
    }

    private int changeSurvey(Random random, Own own, int preferred) {
        String id = own.surveys.get(random.nextInt(own.surveys.size()));
        if (random.nextInt(4) == 0) {
            own.surveys.remove(id);
            return command(preferred, "hq", "VoidNeedsSurvey", "/api/needs-surveys/" + id + "/voiding",
                    Map.of("reason", "同一次走访重复录入"), id, "NeedsSurveyVoided", null);
        }
        return command(preferred, "hq", "CorrectNeedsSurvey", "/api/needs-surveys/" + id + "/corrections",
                Map.of("changes", Map.of("respondentCount", 200 + random.nextInt(100)), "reason", "受访人数复核更正"),
                id, "NeedsSurveyCorrected", null);
    }

    /**
     * The next step of this client's money: a fund received (10,000 yuan), then allocated to a station (6,000 yuan),
     * then spent in small parts (10–100 yuan, at most 20 times, so never more than allocated).
     */
    private int money(Random random, Own own, World.Station station, int preferred) {
        String unallocated = own.funds.entrySet().stream().filter(fund -> fund.getValue() == null)
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (unallocated != null) {
            String allocationId = World.newId();
            return command(preferred, "hq", "AllocateFunds", "/api/funds/" + unallocated + "/allocations",
                    Map.of("allocationId", allocationId, "stationId", station.id(), "amountFen", 600_000L,
                            "allocatedAt", MONEY_FROM.plus(Duration.ofDays(5)).toString()),
                    unallocated, "FundsAllocated", () -> own.funds.put(unallocated, allocationId));
        }
        if (!own.funds.isEmpty() && random.nextInt(4) != 0) {
            List<String> ids = new ArrayList<>(own.funds.keySet());
            String fundId = ids.get(random.nextInt(ids.size()));
            String path = "/api/funds/" + fundId + "/allocations/" + own.funds.get(fundId) + "/expenditures";
            if (own.expenditures.merge(fundId, 1, Integer::sum) >= 20) {
                own.funds.remove(fundId);
                own.expenditures.remove(fundId);
            }
            return command(preferred, "hq", "RecordExpenditure", path, Map.of("expenditureId", World.newId(),
                    "amountFen", 1_000L + random.nextInt(9_000), "purpose", "活动物资采购",
                    "spentAt", MONEY_FROM.plus(Duration.ofDays(10 + random.nextInt(200))).toString()),
                    fundId, "ExpenditureRecorded", null);
        }
        String fundId = World.newId();
        return command(preferred, "hq", "ReceiveFunds", "/api/funds", Map.of("fundId", fundId, "source",
                        "SOCIAL_DONATION", "donor", "金陵爱心企业联合会", "amountFen", 1_000_000L,
                        "receivedAt", MONEY_FROM.toString()), fundId, "FundsReceived",
                () -> own.funds.put(fundId, null));
    }

    /** A volunteer registered, or a social worker recruited and assigned to the station. */
    private int people(Random random, World.Station station, int preferred) {
        if (random.nextBoolean()) {
            String id = World.newId();
            return command(preferred, "hq", "RegisterVolunteer", "/api/volunteers", Map.of("volunteerId", id, "name",
                    "志愿者" + id.substring(0, 4), "volunteerNumber", "SOAK-" + id.substring(0, 13)
                            .toUpperCase(java.util.Locale.ROOT)), id, "VolunteerRegistered", null);
        }
        String id = World.newId();
        return command(preferred, "hq", "RecruitSocialWorker", "/api/social-workers", Map.of("socialWorkerId", id,
                "name", "社工" + id.substring(0, 4), "headquartersId", ReferenceScenario.HEADQUARTERS_ID), id,
                "SocialWorkerRecruited", () -> command(preferred, "hq", "AssignSocialWorker", "/api/social-workers/"
                        + id + "/assignment", Map.of("stationId", station.id()), id, "SocialWorkerAssigned", null));
    }

    private int query(Random random, Own own, int preferred) {
        String district = encode(World.pick(random, World.DISTRICTS));
        String[] query = switch (random.nextInt(7)) {
            case 0 -> new String[] {"dashboard", "/api/dashboard/summary?district=" + district};
            case 1 -> own.records.isEmpty() ? new String[] {"dashboard", "/api/dashboard/summary"}
                    : new String[] {"recordById", "/api/service-records/"
                    + own.records.get(random.nextInt(own.records.size()))};
            case 2 -> new String[] {"stationRecords", "/api/stations/" + World.pick(random, world.stations).id()
                    + "/service-records"};
            case 3 -> new String[] {"needsDashboard", "/api/dashboard/needs?district=" + district};
            case 4 -> new String[] {"fundingDashboard", "/api/dashboard/funding"};
            case 5 -> new String[] {"needsSearch", "/api/needs-surveys/search?q=" + encode(World.pick(random, WISHES)
                    .substring(0, 4))};
            default -> new String[] {"search", "/api/service-records/search?q=" + encode(World.pick(random, WORDS))};
        };
        String kind = query[0];
        String path = query[1];
        ApiClient.Answer answer = api(preferred, "auditor").send("GET", path, null);
        queries.incrementAndGet();
        // A record this client just created may not be projected yet: a 404 then is lag, not an error.
        boolean fine = answer.status() == 200 || (answer.status() == 404 && kind.equals("recordById"));
        return outcome(preferred, kind, answer, fine, null);
    }

    private int command(int preferred, String user, String kind, String path, Object body, String aggregateId,
                        String event, Runnable onAcknowledged) {
        ApiClient.Answer answer = api(preferred, user).send("POST", path, body);
        boolean fine = answer.status() == 201 || answer.status() == 204;
        if (fine) {
            acknowledged.add(new Acknowledged(aggregateId, event));
            if (onAcknowledged != null) {
                onAcknowledged.run();
            }
        }
        return outcome(preferred, kind, answer, fine, aggregateId);
    }

    private int outcome(int preferred, String kind, ApiClient.Answer answer, boolean fine, String aggregateId) {
        count(answersByKind, kind + " " + (answer.status() < 0 ? "no answer" : answer.status()));
        if (fine) {
            return preferred;
        }
        count(errorsByCode, kind + " " + code(answer));
        if (answer.status() < 0) {
            // No answer at all: the node is down; the next request goes to another, as a load balancer would, after
            // a pause (with every node down, clients would otherwise spin on refused connections).
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return preferred + 1;
        }
        return preferred;
    }

    private static String code(ApiClient.Answer answer) {
        if (answer.status() < 0) {
            return "NO_ANSWER";
        }
        try {
            JsonNode problem = answer.json();
            if (problem.hasNonNull("code")) {
                return answer.status() + " " + problem.get("code").asText();
            }
        } catch (RuntimeException notJson) {
            // fall through
        }
        return Integer.toString(answer.status());
    }

    private ApiClient api(int preferred, String user) {
        List<URI> serving = nodes;
        URI node = serving.get(Math.floorMod(preferred, serving.size()));
        return apis.computeIfAbsent(user + "@" + node, key -> new ApiClient(node, user, user + "-demo"));
    }

    private static void count(Map<String, AtomicLong> counts, String key) {
        counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Which acknowledged commands left no event in the event store: looked up by aggregate, the event's simple class
     * name compared with the payload type.
     */
    static List<Acknowledged> missingFromEventStore(Servers servers, List<Acknowledged> acknowledged) throws Exception {
        Set<String> found = new HashSet<>();
        List<String> aggregates = acknowledged.stream().map(Acknowledged::aggregateId).distinct().toList();
        try (Connection connection = servers.connect(); PreparedStatement select = connection.prepareStatement(
                "SELECT aggregate_identifier, payload_type FROM domain_event_entry WHERE aggregate_identifier = ANY(?)")) {
            for (int from = 0; from < aggregates.size(); from += 5_000) {
                Array ids = connection.createArrayOf("varchar",
                        aggregates.subList(from, Math.min(aggregates.size(), from + 5_000)).toArray());
                select.setArray(1, ids);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String type = rows.getString(2);
                        found.add(rows.getString(1) + " " + type.substring(type.lastIndexOf('.') + 1));
                    }
                }
            }
        }
        return acknowledged.stream().filter(ack -> !found.contains(ack.aggregateId() + " " + ack.event())).toList();
    }
}
