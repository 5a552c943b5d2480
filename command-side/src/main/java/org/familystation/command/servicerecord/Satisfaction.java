package org.familystation.command.servicerecord;

import org.familystation.platform.error.DomainException;

import static org.familystation.command.servicerecord.ServiceRecordRefusals.SATISFACTION_OUT_OF_RANGE;

/** The beneficiaries' satisfaction with a service, from 1 to 5. */
public record Satisfaction(int value) {

    public Satisfaction {
        if (value < 1 || value > 5) {
            throw DomainException.refuseField(SATISFACTION_OUT_OF_RANGE, "satisfaction", value);
        }
    }

    /** The score as sent; none given is none (it is optional). */
    public static Satisfaction of(Integer sent) {
        return sent == null ? null : new Satisfaction(sent);
    }
}
