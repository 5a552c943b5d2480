package org.familystation.command.referral;

import org.familystation.events.common.CityCentre;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Referrals to the city centres ({@code familystation.referrals.*}). */
@ConfigurationProperties("familystation.referrals")
public class ReferralProperties {

    /** How long a centre has to accept (or decline) a referral before it is flagged as overdue. */
    private Duration acceptanceLimit = Duration.ofDays(3);

    /**
     * Categories added to the default catalogue, per centre, code to name
     * ({@code familystation.referrals.categories.RIGHTS_SERVICE_CENTRE.FAMILY_MEDIATION=婚姻家庭调解}); a default
     * code given here gets the name given.
     */
    private Map<CityCentre, Map<String, String>> categories = new EnumMap<>(CityCentre.class);

    public Duration getAcceptanceLimit() {
        return acceptanceLimit;
    }

    public void setAcceptanceLimit(Duration acceptanceLimit) {
        if (acceptanceLimit == null || acceptanceLimit.isNegative() || acceptanceLimit.isZero()) {
            throw new IllegalArgumentException("familystation.referrals.acceptance-limit must be positive");
        }
        this.acceptanceLimit = acceptanceLimit;
    }

    public Map<CityCentre, Map<String, String>> getCategories() {
        return categories;
    }

    public void setCategories(Map<CityCentre, Map<String, String>> categories) {
        this.categories = categories;
    }
}
