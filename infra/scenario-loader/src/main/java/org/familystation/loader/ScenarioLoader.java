package org.familystation.loader;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Builds the Nanjing reference scenario (DOMAIN.md §8) through the HTTP API, with the same commands a user sends, so
 * its history is real history: the network as it grew from 2014, each fact on the date it happened (business dates,
 * docs/design/business-dates.md), and a seeded volume of activity over the years. Run it against a running
 * application:
 *
 * <pre>./mvnw -q -pl infra/scenario-loader -am -DskipTests package exec:java -Dexec.args="--services=10000"</pre>
 *
 * Options: {@code --url=http://localhost:8080 --user=admin --password=admin-demo --services=0 --surveys=0
 * --referrals=0 --funds=0 --seed=2014 --threads=8 --convention-grace=PT1M} ({@code none}: no new convention
 * version). Loading twice builds the world once: every id is derived from a name or the seed, and a later step is
 * taken only where the read side does not show it taken.
 */
public final class ScenarioLoader {

    /** The convention version every alliance starts with (seeded by the application). */
    static final String FIRST_CONVENTION = "2014-1";
    /** How long the members have to sign the new convention version: short, so the load shows a missed deadline. */
    static final Duration DEFAULT_CONVENTION_GRACE = Duration.ofMinutes(1);

    private final ApiClient api;
    private final int threads;
    private final PrintStream out;

    public ScenarioLoader(URI url, String user, String password, int threads, PrintStream out) {
        this.api = new ApiClient(url, user, password).readsItsWrites();
        this.threads = threads;
        this.out = out;
    }

    public static void main(String[] args) {
        try {
            System.out.println("created (the rest existed from an earlier run): " + run(args, System.out));
        } catch (IllegalArgumentException badOption) {
            System.err.println(badOption.getMessage());
            System.exit(2);
        }
    }

    /** Loads as the command line does, with its {@code --name=value} options; answers what was created now. */
    public static Map<String, Integer> run(String[] args, PrintStream out) {
        Map<String, String> options = new HashMap<>(Map.of("url", "http://localhost:8080", "user", "admin",
                "password", "admin-demo", "services", "0", "surveys", "0", "referrals", "0", "funds", "0", "seed", "2014",
                "threads", "8"));
        options.put("convention-grace", DEFAULT_CONVENTION_GRACE.toString());
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (pair.length != 2 || !options.containsKey(pair[0])) {
                throw new IllegalArgumentException("unknown option " + arg + "; options: " + options.keySet());
            }
            options.put(pair[0], pair[1]);
        }
        String grace = options.get("convention-grace");
        ScenarioLoader loader = new ScenarioLoader(URI.create(options.get("url")), options.get("user"),
                options.get("password"), Integer.parseInt(options.get("threads")), out);
        return loader.load(Integer.parseInt(options.get("services")),
                Integer.parseInt(options.get("surveys")), Integer.parseInt(options.get("referrals")),
                Integer.parseInt(options.get("funds")), Long.parseLong(options.get("seed")),
                grace.equals("none") ? null : Duration.parse(grace));
    }

    /** The world without a new convention version (for tests that share an application with others' members). */
    public Map<String, Integer> load(int services, int surveys, int referrals, int funds, long seed) {
        return load(services, surveys, referrals, funds, seed, null);
    }

    /**
     * Loads the history: the network, its stations opened from 2014, people, the alliances' members admitted over the
     * years and their offerings; then {@code services} service records, {@code surveys} needs surveys, {@code
     * referrals} referred cases and {@code funds} funds spread over the years; then what happened later to stations
     * and members; and, unless {@code conventionGrace} is null, the domestic-service alliance's new convention
     * version with that grace period, which one member does not sign. Answers how many of each were created now.
     */
    public Map<String, Integer> load(int services, int surveys, int referrals, int funds, long seed,
                                     Duration conventionGrace) {
        long started = System.nanoTime();
        NanjingScenario world = new NanjingScenario();
        Map<String, Integer> created = new LinkedHashMap<>();

        // Parents before children: the upper units one by one, then the community homes in parallel.
        List<NanjingScenario.Unit> upper = underExistingFederation(world.allUnits().subList(0,
                world.allUnits().size() - world.communityHomes.size()), world.federation);
        created.put("units", run("organisation units", upper.size(), index -> establish(upper.get(index)), 1)
                + run("community homes", world.communityHomes.size(),
                index -> establish(world.communityHomes.get(index)), threads));
        created.put("stations", run("stations", world.stations.size(), index -> {
            NanjingScenario.Station station = world.stations.get(index);
            return api.create("/api/stations", Map.of("stationId", station.id(), "communityHomeId", station.homeId(),
                    "stationName", station.name(), "openedAt", station.openedAt().toString()),
                    "/api/stations/" + station.id());
        }, threads));
        // Social workers recruited and assigned once (a rerun leaves assignments as they are), volunteers registered.
        int perStation = ServiceActivity.SOCIAL_WORKERS_PER_STATION;
        created.put("social workers", run("social workers", world.stations.size() * perStation, index -> {
            NanjingScenario.Station station = world.stations.get(index / perStation);
            String id = ServiceActivity.socialWorkerId(station, index % perStation);
            boolean recruited = api.create("/api/social-workers", ServiceActivity.socialWorker(station,
                    index % perStation, world.headquarters.id()), "/api/social-workers/" + id);
            if (recruited) {
                api.post("/api/social-workers/" + id + "/assignment", Map.of("stationId", station.id()));
            }
            return recruited;
        }, threads));
        created.put("volunteers", run("volunteers", ServiceActivity.VOLUNTEERS, index -> api.create("/api/volunteers",
                ServiceActivity.volunteer(index), "/api/volunteers/" + ServiceActivity.volunteerId(index)), threads));
        created.put("alliance members", run("alliance members", world.members.size(),
                index -> admit(world.members.get(index)), threads));
        created.put("offerings", run("offerings", world.offerings.size(), index -> {
            NanjingScenario.Offering offering = world.offerings.get(index);
            return api.create("/api/alliance-members/" + offering.member().id() + "/offerings", Map.of(
                    "offeringId", offering.id(), "stationId", offering.station().id(),
                    "projectCode", offering.projectCode(), "pricing", "FREE", "capacity", 20,
                    "capacityPeriod", "PER_SESSION", "schedule", "每周六上午",
                    "offeredAt", offering.offeredAt().toString()), "/api/offerings/" + offering.id());
        }, threads));
        ServiceActivity activity = new ServiceActivity(world, seed);
        created.put("service records", run("service records", services, index -> {
            ServiceActivity.Service service = activity.record(index);
            return api.create("/api/stations/" + service.stationId() + "/service-records", service.body(),
                    "/api/service-records/" + service.body().get("serviceRecordId"));
        }, threads));
        CommunityActivity community = new CommunityActivity(world, seed);
        created.put("needs surveys", run("needs surveys", surveys, index -> {
            Map<String, Object> survey = community.survey(index);
            return api.create("/api/units/" + community.surveyHome(index) + "/needs-surveys", survey,
                    "/api/needs-surveys/" + survey.get("surveyId"));
        }, threads));
        created.put("referrals", run("referrals", referrals, index -> refer(community, index), threads));
        FundActivity money = new FundActivity(world.stations, seed);
        created.put("funds", run("funds", funds, index -> receive(money.fund(index)), threads));
        // Later in the history, entered after the services of the years before: the members' suspensions, expulsion
        // and withdrawal (a member's services are recorded while it is admitted), the stations closed for a while.
        created.put("membership changes", run("membership changes", world.members.size(),
                index -> changeMembership(world.members.get(index)), threads));
        created.put("station suspensions", run("station suspensions", world.stations.size(),
                index -> suspendForAWhile(world.stations.get(index)), threads));
        if (conventionGrace != null) {
            created.put("convention signatures", newConvention(world, conventionGrace));
        }
        out.printf(Locale.ROOT, "Loaded the Nanjing scenario in %.1f s%n", (System.nanoTime() - started) / 1e9);
        return created;
    }

    /**
     * The upper units, placed under the federation the system already has when someone established it by hand with
     * an id of their own (there is one federation): the scenario's headquarters then joins that one.
     */
    private List<NanjingScenario.Unit> underExistingFederation(List<NanjingScenario.Unit> upper,
                                                               NanjingScenario.Unit federation) {
        String existing = api.get("/api/units?level=FEDERATION").path("items").path(0).path("unitId").asText(null);
        if (existing == null || existing.equals(federation.id())) {
            return upper;
        }
        out.println("The federation " + existing + " exists already: the scenario's units join it.");
        return upper.stream().filter(unit -> unit != federation)
                .map(unit -> federation.id().equals(unit.parentId()) ? unit.under(existing) : unit).toList();
    }

    /** A fund received, allocated and partly spent; allocations and expenditures of an earlier run are left alone. */
    private boolean receive(FundActivity.Fund fund) {
        String path = "/api/funds/" + fund.fundId();
        boolean created = api.create("/api/funds", fund.receipt(), path);
        for (FundActivity.Allocation allocation : fund.allocations()) {
            api.post(path + "/allocations", allocation.body());
            for (Map<String, Object> expenditure : allocation.expenditures()) {
                api.post(path + "/allocations/" + allocation.allocationId() + "/expenditures", expenditure);
            }
        }
        return created;
    }

    private boolean establish(NanjingScenario.Unit unit) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", unit.id());
        body.put("level", unit.level());
        body.put("name", unit.name());
        body.put("parentUnitId", unit.parentId());
        body.put("district", unit.district());
        body.put("tier", unit.tier());
        return api.create("/api/units", body, "/api/units/" + unit.id());
    }

    /**
     * Application, review, convention signature and admission, each on its date; a membership an earlier run applied
     * for is left as it is.
     */
    private boolean admit(NanjingScenario.Member member) {
        String path = "/api/alliance-members/" + member.id();
        boolean applied = api.create("/api/alliance-applications", Map.of("memberId", member.id(),
                "alliance", member.alliance(), "organisationName", member.name(),
                "organisationType", member.organisationType(), "creditCode", member.creditCode(),
                "contactPerson", member.contactPerson(), "appliedAt", member.appliedAt().toString()), path);
        if (!applied) {
            return false;
        }
        if (!member.admitted()) {
            api.post(path + "/review", Map.of("decision", "REJECT", "notes", member.rejection(),
                    "reviewedAt", member.reviewedAt().toString()));
            return true;
        }
        api.post(path + "/review", Map.of("decision", "APPROVE", "notes", "资质审核通过，同意入盟",
                "reviewedAt", member.reviewedAt().toString()));
        api.post(path + "/convention-signature", Map.of("conventionVersion", FIRST_CONVENTION,
                "signatory", member.contactPerson(), "signedAt", member.signedAt().toString()));
        api.post(path + "/admission", Map.of("admittedAt", member.admittedAt().toString()));
        return true;
    }

    /** The member's later changes, each on its date, unless an earlier run made them (its read model shows them). */
    private boolean changeMembership(NanjingScenario.Member member) {
        if (member.changes().isEmpty()) {
            return false;
        }
        String path = "/api/alliance-members/" + member.id();
        JsonNode known = api.get(path);
        boolean changed = false;
        for (NanjingScenario.MemberChange change : member.changes()) {
            String field = switch (change.path()) {
                case "suspension" -> "suspendedAt";
                case "reinstatement" -> "reinstatedAt";
                case "expulsion" -> "expelledAt";
                default -> "withdrawnAt";
            };
            if (absent(known.path(field))) {
                api.post(path + "/" + change.path(), Map.of("reason", change.reason(),
                        "effectiveAt", change.at().toString()));
                changed = true;
            }
        }
        return changed;
    }

    /**
     * A station closed for a while and reopened, on their dates; suspending released its social workers, who are
     * assigned again. Done once: a station whose status changed before is left as it is.
     */
    private boolean suspendForAWhile(NanjingScenario.Station station) {
        String path = "/api/stations/" + station.id();
        if (station.suspendedAt() == null || !absent(api.get(path).path("statusChangedAt"))) {
            return false;
        }
        api.post(path + "/suspension", Map.of("reason", "疫情防控，暂停线下服务",
                "effectiveAt", station.suspendedAt().toString()));
        api.post(path + "/reopening", Map.of("reason", "疫情缓解，恢复线下服务",
                "effectiveAt", station.reopenedAt().toString()));
        for (int n = 0; n < ServiceActivity.SOCIAL_WORKERS_PER_STATION; n++) {
            String socialWorker = ServiceActivity.socialWorkerId(station, n);
            // The release is the suspension's consequence, handled a moment later: wait for it before assigning.
            awaitUntil(() -> absent(api.get("/api/social-workers/" + socialWorker).path("stationId")));
            api.post("/api/social-workers/" + socialWorker + "/assignment", Map.of("stationId", station.id()));
        }
        return true;
    }

    /** A field the answer leaves out (the API omits nulls) or gives as null. */
    private static boolean absent(JsonNode field) {
        return field.isMissingNode() || field.isNull();
    }

    /** Polls until the read side shows what a command led to (30 s at most). */
    private static void awaitUntil(BooleanSupplier shown) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!shown.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the read side did not show the change within 30 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /**
     * The domestic-service alliance publishes a new convention version; its admitted members sign it, but for one,
     * which the system suspends when the grace period runs out. Answers the signatures made now.
     */
    private int newConvention(NanjingScenario world, Duration grace) {
        api.create("/api/alliances/DOMESTIC_SERVICE/conventions", Map.of("conventionVersion",
                NanjingScenario.NEW_CONVENTION, "gracePeriod", grace.toString(),
                "summary", "新增服务质量承诺与投诉处理时限条款"), "/api/alliances/DOMESTIC_SERVICE/conventions");
        // The members of the alliance admitted at the end of the history (not those expelled or withdrawn).
        List<NanjingScenario.Member> signing = world.members.stream()
                .filter(member -> member.alliance().equals("DOMESTIC_SERVICE") && member != world.missesNewConvention
                        && member.activeAt(NanjingScenario.END))
                .toList();
        return run("convention signatures", signing.size(), index -> {
            NanjingScenario.Member member = signing.get(index);
            String path = "/api/alliance-members/" + member.id();
            if (NanjingScenario.NEW_CONVENTION.equals(api.get(path).path("conventionVersion").asText())) {
                return false;
            }
            return api.post(path + "/convention-signature", Map.of("conventionVersion", NanjingScenario.NEW_CONVENTION,
                    "signatory", member.contactPerson()));
        }, threads);
    }

    /** A case referred now and taken down its path (referrals carry no business date yet: all of it is "now"). */
    private boolean refer(CommunityActivity community, int index) {
        Map<String, Object> referral = community.referral(index);
        String path = "/api/referrals/" + referral.get("referralId");
        if (!api.create("/api/stations/" + community.referringStation(index) + "/referrals", referral, path)) {
            return false;
        }
        switch (CommunityActivity.path(index)) {
            case ACCEPTED -> api.post(path + "/acceptance", Map.of());
            case DECLINED -> api.post(path + "/decline", Map.of("reason", "不属于本中心受理范围，建议转区妇联"));
            case WITHDRAWN -> api.post(path + "/withdrawal", Map.of("reason", "当事人已自行解决，撤回转介"));
            case IN_PROGRESS -> {
                api.post(path + "/acceptance", Map.of());
                api.post(path + "/work", Map.of());
            }
            case RESOLVED, CLOSED -> {
                api.post(path + "/acceptance", Map.of());
                api.post(path + "/work", Map.of());
                api.post(path + "/resolution", Map.of("outcome", "已提供专业服务，当事人情况好转"));
                if (CommunityActivity.path(index) == CommunityActivity.Path.CLOSED) {
                    api.post(path + "/closure", Map.of());
                }
            }
            case AWAITING -> { }
        }
        return true;
    }

    /**
     * Runs {@code step} for indexes 0..{@code total-1} on the given number of threads, with a progress bar; answers
     * how many steps created something. The first failure stops the phase and is rethrown.
     */
    private int run(String phase, int total, IntPredicate step, int parallelism) {
        Progress progress = new Progress(phase, total, out);
        AtomicInteger created = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallelism));
        try {
            List<Future<Boolean>> futures = IntStream.range(0, total).mapToObj(index -> pool.submit(() -> {
                boolean createdNow = step.test(index);
                if (createdNow) {
                    created.incrementAndGet();
                }
                progress.step();
                return createdNow;
            })).toList();
            for (Future<Boolean> future : futures) {
                future.get();
            }
        } catch (Exception failure) {
            pool.shutdownNow();
            throw new IllegalStateException(phase + " failed: " + failure.getMessage(), failure);
        } finally {
            pool.shutdown();
            progress.finish();
        }
        return created.get();
    }
}
