package org.familystation.events.personaldata;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The component of an event that holds the id of the person its {@link PersonalData} components are about: the
 * referral for a case, the volunteer for a volunteer's name and phone. A value carried inside the event (a survey's
 * details) belongs to the subject of the event that carries it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface DataSubject {

    DataSubjectKind value();
}
