package org.familystation.command.people;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.CommonRefusals;
import org.familystation.command.common.Rules;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;
import org.familystation.events.common.SocialWorkerQualification;

import java.util.Objects;

/**
 * The operations headquarters recruits a professional social worker (社工), as read from what was sent by
 * {@link #read}.
 *
 * @param phone          null when none is given
 * @param qualification  null when none is given
 * @param headquartersId the recruiting unit, an OPERATIONS_HQ
 */
public record RecruitSocialWorker(
        @TargetAggregateIdentifier String socialWorkerId,
        PersonName name,
        Phone phone,
        SocialWorkerQualification qualification,
        String headquartersId) implements ScopedCommand {

    public RecruitSocialWorker {
        socialWorkerId = Rules.uuid(socialWorkerId, CommonRefusals.ID_INVALID, "socialWorkerId");
        Objects.requireNonNull(name, "name");
    }

    /**
     * The command from what a client sent.
     *
     * @param qualification ASSISTANT_SOCIAL_WORKER, SOCIAL_WORKER or SENIOR_SOCIAL_WORKER, or null
     */
    public static RecruitSocialWorker read(String socialWorkerId, String name, String phone, String qualification,
                                           String headquartersId) {
        return new RecruitSocialWorker(socialWorkerId, new PersonName(name), Phone.of(phone),
                qualification == null || qualification.isBlank() ? null : Rules.oneOf(SocialWorkerQualification.class,
                        qualification, PeopleRefusals.QUALIFICATION_UNKNOWN, "qualification"),
                headquartersId);
    }

    @Override
    public Place actsAt() {
        return Place.network();
    }
}
