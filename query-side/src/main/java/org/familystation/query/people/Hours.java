package org.familystation.query.people;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Volunteer time is kept in whole minutes; people read hours, to two decimals (never a floating-point sum). */
public final class Hours {

    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

    private Hours() {
    }

    public static BigDecimal of(long minutes) {
        return BigDecimal.valueOf(minutes).divide(MINUTES_PER_HOUR, 2, RoundingMode.HALF_UP);
    }
}
