package org.familystation.app.support;

import org.familystation.events.common.UnifiedSocialCreditCode;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Builds the little world a test needs through the API, as users would: stations, admitted members. */
public final class Scenario {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000);

    private final Api api;

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
                "{\"conventionVersion\": \"2014-1\", \"signatory\": \"负责人\"}"));
        expectNoContent(api.post("hq", "/api/alliance-members/" + id + "/admission", null));
        return id;
    }

    public String recordService(String stationId, String stationPoint, String projectCode, String memberId,
                                String description, String deliveredAt, int satisfaction) {
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
