package org.familystation.command.personaldata;

import org.familystation.command.common.Rules;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;
import org.familystation.events.personaldata.DataSubjectKind;
import org.familystation.platform.error.DomainException;

import java.util.Arrays;
import java.util.Objects;

/**
 * Erase the personal data of one data subject (PIPL Art. 47), as read from what was sent by {@link #read}:
 * {@code subjectId} is the id of the referral, volunteer, social worker, staff member, alliance member (its contact
 * person) or needs survey, and {@code reason} the legal ground (the request, the law) or {@code retention}.
 */
public record ErasePersonalData(DataSubjectKind subjectKind, String subjectId, String reason)
        implements ScopedCommand {

    static final int MAX_ID = 200;
    static final int MAX_REASON = 500;

    public ErasePersonalData {
        Objects.requireNonNull(subjectKind, "subjectKind");
        subjectId = Rules.requiredText(subjectId, MAX_ID, PersonalDataRefusals.SUBJECT_ID_REQUIRED, "subjectId");
        reason = Rules.requiredText(reason, MAX_REASON, PersonalDataRefusals.ERASURE_REASON_REQUIRED, "reason");
    }

    /**
     * The command from what a client sent.
     *
     * @param subjectKind a {@link DataSubjectKind}'s name, exactly
     */
    public static ErasePersonalData read(String subjectKind, String subjectId, String reason) {
        DataSubjectKind kind = Arrays.stream(DataSubjectKind.values())
                .filter(candidate -> candidate.name().equals(subjectKind)).findFirst()
                .orElseThrow(() -> DomainException.refuseField(PersonalDataRefusals.SUBJECT_KIND_UNKNOWN,
                        "subjectKind", subjectKind));
        return new ErasePersonalData(kind, subjectId, reason);
    }

    @Override
    public Place actsAt() {
        return Place.network();
    }
}
