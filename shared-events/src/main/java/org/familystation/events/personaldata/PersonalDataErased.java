package org.familystation.events.personaldata;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The personal data of one subject was erased (PIPL Art. 47): their key was deleted, so every {@link PersonalData}
 * value stored for them reads as {@link PersonalData#ERASED} from now on, in replays too. {@code reason} is the
 * legal ground given by the administrator, or {@code retention} when the retention period for that kind of data
 * ended.
 */
@Revision("1")
public record PersonalDataErased(
        DataSubjectKind subjectKind,
        String subjectId,
        String reason,
        Instant erasedAt) implements PersonalDataEvent {

    /** The reason recorded when the retention job erases data whose retention period ended. */
    public static final String RETENTION = "retention";
}
