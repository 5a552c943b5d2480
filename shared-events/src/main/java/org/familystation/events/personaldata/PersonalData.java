package org.familystation.events.personaldata;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text component of an event (or of a value an event carries) that is personal information under the PIPL
 * (DOMAIN.md §9). It belongs to the data subject named by the event's {@link DataSubject} component, and is stored
 * encrypted with that subject's own key, so that erasing the subject (deleting the key) erases it everywhere it is
 * stored, replays included; from then on it reads as {@link #ERASED}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {

    /** What an erased personal value reads as, everywhere (read models, search, exports, history). */
    String ERASED = "已删除";
}
