package org.familystation.embedded;

import org.springframework.context.annotation.Conditional;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Matches when the property is absent or blank. Boot's {@code @ConditionalOnProperty} cannot express "not set"
 * for a property that has no on/off value, such as a URL.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(OnMissingPropertyCondition.class)
@interface ConditionalOnMissingProperty {

    /** The property name, e.g. {@code spring.datasource.url}. */
    String value();
}
