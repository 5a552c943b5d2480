package org.familystation.command.personaldata;

import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/**
 * Erase the personal data of one data subject (PIPL Art. 47): {@code subjectKind} is a
 * {@link org.familystation.events.personaldata.DataSubjectKind}, {@code subjectId} the id of the referral, volunteer,
 * social worker, staff member, alliance member (its contact person) or needs survey, and {@code reason} the legal
 * ground (the request, the law) or {@code retention}.
 */
public record ErasePersonalData(String subjectKind, String subjectId, String reason) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return Place.network();
    }
}
