package org.familystation.app.support;

import org.familystation.events.common.UnifiedSocialCreditCode;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds the little world a test needs through the API, as users would: stations, admitted members that signed the
 * current convention, and the offerings under which members' services are recorded.
 */
public final class Scenario {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000);

    private final Api api;
    /** The (member, station, project) offerings this scenario made. */
    private final Set<String> offered = new HashSet<>();

    public Scenario(Api api) {
        this.api = api;
    }

    /** A valid credit code no other test uses. */
    public static String newCreditCode() {
        String first17 = String.format("9132010%010d", SERIAL.incrementAndGet());
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    public String openStation(String name, String district) {
        Api.Response response = api.post("hq", "/api/stations", """
                {"communityHomeId": "%s", "communityHomeName": "%s妇女儿童之家", "stationName": "%s",
                 "district": "%s", "homeTier": "PROVINCIAL_DEMONSTRATION"}"""
                .formatted(UUID.randomUUID(), name, name, district));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.id();
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

    private static void expectNoContent(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(204);
    }
}
