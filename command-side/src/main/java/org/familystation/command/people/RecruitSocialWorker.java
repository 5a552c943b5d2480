package org.familystation.command.people;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/**
 * The operations headquarters recruits a professional social worker (社工).
 *
 * @param qualification ASSISTANT_SOCIAL_WORKER, SOCIAL_WORKER or SENIOR_SOCIAL_WORKER, or null
 * @param headquartersId the recruiting unit, an OPERATIONS_HQ
 */
public record RecruitSocialWorker(
        @TargetAggregateIdentifier String socialWorkerId,
        String name,
        String phone,
        String qualification,
        String headquartersId) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return Place.network();
    }
}
