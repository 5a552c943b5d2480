package org.familystation.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.CommonRefusals;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/**
 * A station refers a case to a city centre (转介): which centre, under which category, a summary of the case, and
 * the consent of the person it is about — without consent a case is not referred.
 *
 * @param centre        DOMESTIC_SERVICE_CENTRE, RIGHTS_SERVICE_CENTRE or SOCIAL_ORGANISATION_CENTRE
 * @param category      a category the centre takes referrals under (its catalogue)
 * @param consentGiven  whether the person agreed to the referral; must be true
 * @param consentMethod how they agreed: WRITTEN or VERBAL
 */
public record ReferCase(
        @TargetAggregateIdentifier String referralId,
        String stationId,
        String centre,
        String category,
        String summary,
        Boolean consentGiven,
        String consentMethod) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return new Place.Station(stationId, Place.refused(CommonRefusals.STATION_UNKNOWN, stationId));
    }
}
