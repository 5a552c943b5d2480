package org.familystation.loader;

import java.io.PrintStream;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Builds the Nanjing reference scenario (DOMAIN.md §8) through the HTTP API, with the same commands a user sends, so
 * its history is real history; then, optionally, a seeded volume of service records. Run it against a running
 * application:
 *
 * <pre>./mvnw -q -pl infra/scenario-loader -am -DskipTests package exec:java -Dexec.args="--services=10000"</pre>
 *
 * Options: {@code --url=http://localhost:8080 --user=admin --password=admin-demo --services=0 --surveys=0
 * --referrals=0 --funds=0 --seed=2014 --threads=8}. Loading twice builds the world once: every id is derived from a name or the seed.
 */
public final class ScenarioLoader {

    private final ApiClient api;
    private final int threads;
    private final PrintStream out;

    public ScenarioLoader(URI url, String user, String password, int threads, PrintStream out) {
        this.api = new ApiClient(url, user, password);
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
                "password", "admin-demo", "services", "0", "surveys", "0", "referrals", "0", "funds", "0", "seed", "2014", "threads", "8"));
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (pair.length != 2 || !options.containsKey(pair[0])) {
                throw new IllegalArgumentException("unknown option " + arg + "; options: " + options.keySet());
            }
            options.put(pair[0], pair[1]);
        }
        ScenarioLoader loader = new ScenarioLoader(URI.create(options.get("url")), options.get("user"),
                options.get("password"), Integer.parseInt(options.get("threads")), out);
        return loader.load(Integer.parseInt(options.get("services")),
                Integer.parseInt(options.get("surveys")), Integer.parseInt(options.get("referrals")),
                Integer.parseInt(options.get("funds")), Long.parseLong(options.get("seed")));
    }

    /**
     * Loads the scenario, {@code services} service records, {@code surveys} needs surveys, {@code referrals} referred
     * cases (about two in three accepted) and {@code funds} funds (each allocated to stations and partly spent);
     * answers how many of each were created now.
     */
    public Map<String, Integer> load(int services, int surveys, int referrals, int funds, long seed) {
        long started = System.nanoTime();
        NanjingScenario world = new NanjingScenario();
        Map<String, Integer> created = new LinkedHashMap<>();

        // Parents before children: the upper units one by one, then the community homes in parallel.
        List<NanjingScenario.Unit> upper = underExistingFederation(world.allUnits().subList(0,
                world.allUnits().size() - world.communityHomes.size()), world.federation);
        created.put("units", run("organisation units", upper.size(), index -> establish(upper.get(index)), 1)
                + run("community homes", world.communityHomes.size(),
                index -> establish(world.communityHomes.get(index)), threads));
        created.put("stations", run("pilot stations", world.stations.size(), index -> {
            NanjingScenario.Station station = world.stations.get(index);
            return api.create("/api/stations", Map.of("stationId", station.id(), "communityHomeId", station.homeId(),
                    "stationName", station.name(), "openedAt", NanjingScenario.openedAt(index).toString()),
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
        if (services > 0) {
            ServiceActivity activity = new ServiceActivity(world.stations, seed);
            created.put("service records", run("service records", services, index -> {
                Map<String, Object> record = activity.record(index);
                return api.create("/api/stations/" + activity.stationOf(index) + "/service-records", record,
                        "/api/service-records/" + record.get("serviceRecordId"));
            }, threads));
        }
        CommunityActivity community = new CommunityActivity(world, seed);
        if (surveys > 0) {
            created.put("needs surveys", run("needs surveys", surveys, index -> {
                Map<String, Object> survey = community.survey(index);
                return api.create("/api/units/" + community.surveyHome(index) + "/needs-surveys", survey,
                        "/api/needs-surveys/" + survey.get("surveyId"));
            }, threads));
        }
        if (referrals > 0) {
            created.put("referrals", run("referrals", referrals, index -> {
                Map<String, Object> referral = community.referral(index);
                String path = "/api/referrals/" + referral.get("referralId");
                boolean createdNow = api.create("/api/stations/" + community.referringStation(index) + "/referrals",
                        referral, path);
                if (createdNow && community.accepted(index)) {
                    api.post(path + "/acceptance", Map.of());
                }
                return createdNow;
            }, threads));
        }
        if (funds > 0) {
            FundActivity money = new FundActivity(world.stations, seed);
            created.put("funds", run("funds", funds, index -> receive(money.fund(index)), threads));
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

    /** Application, review, convention signature and admission; a member admitted by an earlier run is left alone. */
    private boolean admit(NanjingScenario.Member member) {
        String path = "/api/alliance-members/" + member.id();
        boolean applied = api.create("/api/alliance-applications", Map.of("memberId", member.id(),
                "alliance", member.alliance(), "organisationName", member.name(),
                "organisationType", member.organisationType(), "creditCode", member.creditCode(),
                "contactPerson", member.contactPerson()), path);
        if (!applied && "ADMITTED".equals(api.get(path).path("status").asText())) {
            return false;
        }
        api.post(path + "/review", Map.of("decision", "APPROVE", "notes", "资质审核通过，同意入盟"));
        api.post(path + "/convention-signature", Map.of("conventionVersion", "2014-1",
                "signatory", member.contactPerson()));
        api.post(path + "/admission", Map.of());
        return applied;
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
