package org.familystation.events.personaldata;

/** What happens to a person's data as such (PIPL): its erasure, on request or when its retention period ended. */
public sealed interface PersonalDataEvent permits PersonalDataErased {

    DataSubjectKind subjectKind();

    String subjectId();
}
