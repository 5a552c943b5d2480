package org.familystation.command.referral;

import org.familystation.command.common.CommonRefusals;
import org.familystation.events.common.CityCentre;
import org.familystation.events.common.ConsentMethod;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.error.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familystation.command.referral.ReferralRefusals.*;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What referral commands refuse without looking at any referral: read at the edge, before a command is sent. */
class ReferralInputTest {

    private static final String REFERRAL = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    private static final String STATION = "7b0c3f0e-2d4e-4a53-9a59-0a4c2f6f1a01";
    private static final String SUMMARY = "当事人长期遭受家庭暴力，希望获得法律援助和人身安全保护令申请指导";

    private static ReferCase refer(String centre, String summary, Boolean consentGiven, String consentMethod) {
        return ReferCase.read(REFERRAL, STATION, centre, "LEGAL_AID", summary, consentGiven, consentMethod);
    }

    private static void assertRefused(Refusal refusal, String field, Executable reading) {
        DomainException refused = assertThrows(DomainException.class, reading);
        assertThat(refused.refusal()).isEqualTo(refusal);
        assertThat(refused.field()).contains(field);
    }

    @Test
    void readsTheCentreAndTheWayOfConsenting() {
        ReferCase command = refer("RIGHTS_SERVICE_CENTRE", " " + SUMMARY + " ", true, "VERBAL");
        assertThat(command.centre()).isEqualTo(CityCentre.RIGHTS_SERVICE_CENTRE);
        assertThat(command.consentMethod()).isEqualTo(ConsentMethod.VERBAL);
        assertThat(command.summary()).isEqualTo(SUMMARY);
    }

    @Test
    void refusesAnIdThatIsNotALowerCaseUuid() {
        assertRefused(CommonRefusals.ID_INVALID, "referralId", () -> ReferCase.read("referral-1", STATION,
                "RIGHTS_SERVICE_CENTRE", "LEGAL_AID", SUMMARY, true, "WRITTEN"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"LAWYERS_OFFICE", "rights_service_centre"})
    void refusesAnUnknownCentre(String centre) {
        assertRefused(CENTRE_UNKNOWN, "centre", () -> refer(centre, SUMMARY, true, "WRITTEN"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void refusesABlankSummary(String summary) {
        assertRefused(SUMMARY_INVALID, "summary", () -> refer("RIGHTS_SERVICE_CENTRE", summary, true, "WRITTEN"));
    }

    @Test
    void refusesASummaryOverTwoThousandCharacters() {
        assertRefused(SUMMARY_INVALID, "summary",
                () -> refer("RIGHTS_SERVICE_CENTRE", "字".repeat(2_001), true, "WRITTEN"));
    }

    @Test
    void refusesACaseWithoutConsent() {
        assertRefused(CONSENT_REQUIRED, "consentGiven",
                () -> refer("RIGHTS_SERVICE_CENTRE", SUMMARY, false, "WRITTEN"));
    }

    @Test
    void refusesACaseWhereConsentIsNotSaid() {
        assertRefused(CONSENT_REQUIRED, "consentGiven",
                () -> refer("RIGHTS_SERVICE_CENTRE", SUMMARY, null, "WRITTEN"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"WECHAT"})
    void refusesAnUnknownWayOfConsenting(String method) {
        assertRefused(CONSENT_METHOD_UNKNOWN, "consentMethod",
                () -> refer("RIGHTS_SERVICE_CENTRE", SUMMARY, true, method));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void refusesToDeclineOrWithdrawWithoutAReason(String reason) {
        assertRefused(REASON_REQUIRED, "reason", () -> DeclineReferral.read(REFERRAL, reason));
        assertRefused(REASON_REQUIRED, "reason", () -> WithdrawReferral.read(REFERRAL, reason));
    }

    @Test
    void refusesAReasonOverOneThousandCharacters() {
        assertRefused(REASON_REQUIRED, "reason", () -> DeclineReferral.read(REFERRAL, "字".repeat(1_001)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void refusesToResolveWithoutAnOutcome(String outcome) {
        assertRefused(OUTCOME_REQUIRED, "outcome", () -> new ResolveReferral(REFERRAL, outcome));
    }

    @Test
    void refusesAnOutcomeOverTwoThousandCharacters() {
        assertRefused(OUTCOME_REQUIRED, "outcome", () -> new ResolveReferral(REFERRAL, "字".repeat(2_001)));
        assertThat(new ResolveReferral(REFERRAL, " 已结案 ").outcome()).isEqualTo("已结案");
    }
}
