package org.familystation.benchmark;

import org.familystation.loader.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
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
 * record, correct, void; refer, accept, decline, start work, resolve, close, withdraw — and the queries and searches
 * users send: dashboard, a record by id, a station's records, full-text search).
 */
final class Traffic {

    /** An acknowledged command: the aggregate it changed and the event (simple class name) it must have recorded. */
    record Acknowledged(String aggregateId, String event) {
    }

    private static final String RIGHTS_CENTRE = "RIGHTS_SERVICE_CENTRE";
    private static final List<String> WORDS = List.of("讲座", "培训", "老人", "家庭", "法律", "心理", "亲子", "志愿");

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
        if (roll < 35) {
            return record(random, own, station, preferred);
        }
        if (roll < 42 && !own.records.isEmpty()) {
            String id = own.records.get(random.nextInt(own.records.size()));
            return command(preferred, "hq", "CorrectServiceRecord", "/api/service-records/" + id + "/corrections",
                    Map.of("changes", Map.of("participantCount", 1 + random.nextInt(40)), "reason", "参与人数复核更正"),
                    id, "ServiceRecordCorrected", null);
        }
        if (roll < 45 && !own.records.isEmpty()) {
            String id = own.records.remove(random.nextInt(own.records.size()));
            return command(preferred, "hq", "VoidServiceRecord", "/api/service-records/" + id + "/voiding",
                    Map.of("reason", "重复录入"), id, "ServiceRecordVoided", null);
        }
        if (roll < 52) {
            return refer(random, own, station, preferred);
        }
        if (roll < 65 && !own.referrals.isEmpty()) {
            return advanceReferral(random, own, preferred);
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

    private int query(Random random, Own own, int preferred) {
        String path = switch (random.nextInt(4)) {
            case 0 -> "/api/dashboard/summary?district=" + encode(World.pick(random, World.DISTRICTS));
            case 1 -> own.records.isEmpty() ? "/api/dashboard/summary"
                    : "/api/service-records/" + own.records.get(random.nextInt(own.records.size()));
            case 2 -> "/api/stations/" + World.pick(random, world.stations).id() + "/service-records";
            default -> "/api/service-records/search?q=" + encode(World.pick(random, WORDS));
        };
        String kind = path.contains("search") ? "search" : path.contains("dashboard") ? "dashboard"
                : path.startsWith("/api/stations") ? "stationRecords" : "recordById";
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
