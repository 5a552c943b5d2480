package org.familystation.app.support;

import org.familystation.events.common.CityCentre;
import org.familystation.events.common.ReferenceScenario;
import org.familystation.events.common.UnifiedSocialCreditCode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds the little world a test needs through the API, as users would: stations, admitted members that signed the
 * current convention, and the offerings under which members' services are recorded.
 */
public final class Scenario {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000);
    /** The units every test of one running application shares (there is one federation), by application. */
    private static final Map<String, Map<String, String>> NETWORKS = new HashMap<>();

    private final Api api;
    /** The (member, station, project) offerings this scenario made. */
    private final Set<String> offered = new HashSet<>();
    /** The social worker this scenario assigned to each station. */
    private final Map<String, String> socialWorkers = new HashMap<>();

    public Scenario(Api api) {
        this.api = api;
    }

    /** A valid credit code no other test uses. */
    public static String newCreditCode() {
        String first17 = String.format("9132010%010d", SERIAL.incrementAndGet());
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    /**
     * When the stations tests open had opened in the world: the network's first day, so that the services tests
     * date in the past fall while they were open (docs/design/business-dates.md).
     */
    public static final String OPENED_AT = "2014-01-01T00:00:00+08:00";

    /** Opens a station at a new provincial demonstration community home of the district, open since {@link #OPENED_AT}. */
    public String openStation(String name, String district) {
        String home = communityHome(name.replace("家庭驿站", "") + "妇女儿童之家", district, "PROVINCIAL_DEMONSTRATION");
        Api.Response response = api.post("hq", "/api/stations", """
                {"communityHomeId": "%s", "stationName": "%s", "openedAt": "%s"}""".formatted(home, name, OPENED_AT));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.id();
    }

    /** A new community home under the district's branch centre (established on first use). */
    public String communityHome(String name, String district, String tier) {
        return establish("COMMUNITY_HOME", name, branchCentre(district), null, tier);
    }

    /** The district's branch centre under the headquarters, established once per application. */
    public String branchCentre(String district) {
        return shared(district, () -> establish("BRANCH_CENTRE", district + "妇儿活动中心", headquarters(), district,
                null));
    }

    /**
     * The operations headquarters under the federation, and the three city centres under it, established once per
     * application by the administrator with the ids of the reference scenario, to which the demo accounts are bound.
     */
    public String headquarters() {
        return shared("OPERATIONS_HQ", () -> {
            String federation = shared("FEDERATION", () -> establishAs("admin", ReferenceScenario.FEDERATION_ID,
                    "FEDERATION", ReferenceScenario.FEDERATION_NAME, null, null, null));
            String headquarters = establishAs("admin", ReferenceScenario.HEADQUARTERS_ID, "OPERATIONS_HQ",
                    "南京市妇女儿童活动中心", federation, null, null);
            for (CityCentre centre : CityCentre.values()) {
                establishAs("admin", ReferenceScenario.cityCentreId(centre), "CITY_CENTRE", centre.label(),
                        headquarters, null, null);
            }
            return headquarters;
        });
    }

    private String shared(String key, Supplier<String> establish) {
        synchronized (NETWORKS) {
            Map<String, String> network = NETWORKS.computeIfAbsent(api.base(), base -> new HashMap<>());
            String id = network.get(key);
            if (id == null) {
                id = establish.get();
                network.put(key, id);
            }
            return id;
        }
    }

    public String establish(String level, String name, String parent, String district, String tier) {
        return establishAs("hq", null, level, name, parent, district, tier);
    }

    /** Establishes a unit as the user, with the given id (null: a new one); answers its id. */
    public String establishAs(String user, String unitId, String level, String name, String parent, String district,
                              String tier) {
        Api.Response response = api.post(user, "/api/units", """
                {"unitId": %s, "level": "%s", "name": "%s", "parentUnitId": %s, "district": %s, "tier": %s}"""
                .formatted(json(unitId), level, name, json(parent), json(district), json(tier)));
        if (unitId != null && response.status() == 409
                && api.get("admin", "/api/units/" + unitId).status() == 200) {
            // Established already with this id (the reference scenario's, by the loader in the same application).
            return unitId;
        }
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.id();
    }

    private static String json(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    public String admittedMember(String alliance, String name) {
        String id = api.post("hq", "/api/alliance-applications", """
                {"alliance": "%s", "organisationName": "%s", "organisationType": "SOCIAL_ORGANISATION",
                 "creditCode": "%s", "contactPerson": "联系人"}""".formatted(alliance, name, newCreditCode())).id();
        expectNoContent(api.post("hq", "/api/alliance-members/" + id + "/review",
                "{\"decision\": \"APPROVE\", \"notes\": \"材料齐全\"}"));
        expectNoContent(api.post("hq", "/api/alliance-members/" + id + "/convention-signature",
                "{\"conventionVersion\": \"%s\", \"signatory\": \"负责人\"}".formatted(currentConvention(alliance))));
        expectNoContent(api.post("hq", "/api/alliance-members/" + id + "/admission", null));
        return id;
    }

    /** The alliance's current convention version, once the read side knows one. */
    public String currentConvention(String alliance) {
        AtomicReference<String> current = new AtomicReference<>();
        Eventually.assertThat(() -> {
            current.set(api.get("auditor", "/api/alliances/" + alliance + "/conventions").body()
                    .path("currentVersion").asText(null));
            assertThat(current.get()).isNotNull();
        });
        return current.get();
    }

    /** The member offers the project at the station, free, for 20 people a session; returns the offering's id. */
    public String offer(String memberId, String stationId, String projectCode) {
        Api.Response response = api.post("hq", "/api/alliance-members/" + memberId + "/offerings", """
                {"stationId": "%s", "projectCode": "%s", "pricing": "FREE", "capacity": 20,
                 "capacityPeriod": "PER_SESSION", "schedule": "每周六上午"}""".formatted(stationId, projectCode));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        offered.add(memberId + "/" + stationId + "/" + projectCode);
        return response.id();
    }

    /** Records a service by the member, first offering the project at the station if this scenario has not. */
    public String recordService(String stationId, String stationPoint, String projectCode, String memberId,
                                String description, String deliveredAt, int satisfaction) {
        if (!offered.contains(memberId + "/" + stationId + "/" + projectCode)) {
            offer(memberId, stationId, projectCode);
        }
        Api.Response response = api.post("worker", "/api/stations/" + stationId + "/service-records", """
                {"stationPoint": "%s", "projectCode": "%s", "providerKind": "ALLIANCE_MEMBER",
                 "providerMemberId": "%s", "deliveredAt": "%s", "participantCount": 10,
                 "description": "%s", "satisfaction": %d}"""
                .formatted(stationPoint, projectCode, memberId, deliveredAt, description, satisfaction));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.id();
    }

    /**
     * A social worker the headquarters recruited and assigned to the station, the same one for every service this
     * scenario records there.
     */
    public String socialWorkerAt(String stationId) {
        return socialWorkers.computeIfAbsent(stationId, station -> {
            Api.Response recruited = api.post("hq", "/api/social-workers", """
                    {"name": "王社工", "headquartersId": "%s"}""".formatted(headquarters()));
            assertThat(recruited.status()).as(recruited.toString()).isEqualTo(201);
            expectNoContent(api.post("hq", "/api/social-workers/" + recruited.id() + "/assignment",
                    "{\"stationId\": \"%s\"}".formatted(station)));
            return recruited.id();
        });
    }

    /** Records a service the station's social worker delivered to that many people. */
    public String recordService(String stationId, String stationPoint, String projectCode, int participants,
                                String deliveredAt, String description) {
        Api.Response response = api.post("worker", "/api/stations/" + stationId + "/service-records", """
                {"stationPoint": "%s", "projectCode": "%s", "providerKind": "SOCIAL_WORKER", "socialWorkerIds": ["%s"],
                 "deliveredAt": "%s", "participantCount": %d, "description": "%s"}"""
                .formatted(stationPoint, projectCode, socialWorkerAt(stationId), deliveredAt, participants,
                        description));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.id();
    }

    private static void expectNoContent(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(204);
    }
}
