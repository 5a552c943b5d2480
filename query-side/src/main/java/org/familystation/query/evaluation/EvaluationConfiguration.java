package org.familystation.query.evaluation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code familystation.evaluation.*}. */
@Configuration
@EnableConfigurationProperties(EvaluationProperties.class)
class EvaluationConfiguration {
}
