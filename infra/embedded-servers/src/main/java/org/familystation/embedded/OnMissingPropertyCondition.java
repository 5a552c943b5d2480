package org.familystation.embedded;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

final class OnMissingPropertyCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String name = (String) metadata.getAnnotationAttributes(ConditionalOnMissingProperty.class.getName()).get("value");
        ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnMissingProperty.class, name);
        return StringUtils.hasText(context.getEnvironment().getProperty(name))
                ? ConditionOutcome.noMatch(message.found("property").items(name))
                : ConditionOutcome.match(message.didNotFind("property").items(name));
    }
}
