package org.familystation.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.CommonRefusals;
import org.familystation.command.common.Rules;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;
import org.familystation.events.common.CityCentre;
import org.familystation.events.common.ConsentMethod;
import org.familystation.platform.error.DomainException;

import java.util.Objects;

import static org.familystation.command.referral.ReferralRefusals.*;

/**
 * A station refers a case to a city centre (转介): which centre, under which category, a summary of the case, and
 * the consent of the person it is about — without consent a case is not referred, so a command, read by
 * {@link #read}, always carries how it was given.
 *
 * @param category      a category the centre takes referrals under (its catalogue)
 * @param consentMethod how the person agreed to the referral
 */
public record ReferCase(
        @TargetAggregateIdentifier String referralId,
        String stationId,
        CityCentre centre,
        String category,
        String summary,
        ConsentMethod consentMethod) implements ScopedCommand {

    static final int MAX_SUMMARY = 2_000;

    public ReferCase {
        referralId = Rules.uuid(referralId, CommonRefusals.ID_INVALID, "referralId");
        Objects.requireNonNull(centre, "centre");
        summary = Rules.requiredText(summary, MAX_SUMMARY, SUMMARY_INVALID, "summary");
        Objects.requireNonNull(consentMethod, "consentMethod");
    }

    /**
     * The command from what a client sent.
     *
     * @param centre        DOMESTIC_SERVICE_CENTRE, RIGHTS_SERVICE_CENTRE or SOCIAL_ORGANISATION_CENTRE
     * @param consentGiven  whether the person agreed to the referral; must be true
     * @param consentMethod how they agreed: WRITTEN or VERBAL
     */
    public static ReferCase read(String referralId, String stationId, String centre, String category,
                                 String summary, Boolean consentGiven, String consentMethod) {
        CityCentre to = Rules.oneOf(CityCentre.class, centre, CENTRE_UNKNOWN, "centre");
        if (!Boolean.TRUE.equals(consentGiven)) {
            throw DomainException.refuseField(CONSENT_REQUIRED, "consentGiven");
        }
        return new ReferCase(referralId, stationId, to, category, summary,
                Rules.oneOf(ConsentMethod.class, consentMethod, CONSENT_METHOD_UNKNOWN, "consentMethod"));
    }

    @Override
    public Place actsAt() {
        return new Place.Station(stationId, Place.refused(CommonRefusals.STATION_UNKNOWN, stationId));
    }
}
