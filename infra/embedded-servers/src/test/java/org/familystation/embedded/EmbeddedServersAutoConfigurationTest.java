package org.familystation.embedded;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedServersAutoConfigurationTest {

    @Test
    void startsNothingWhenExternalServersAreConfigured() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        EmbeddedPostgresAutoConfiguration.class, EmbeddedElasticsearchAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/familystation",
                        "familystation.elasticsearch.url=http://search.example:9200")
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(EmbeddedPostgresServer.class)
                        .doesNotHaveBean(EmbeddedElasticsearch.class)
                        .doesNotHaveBean(EmbeddedServersProperties.class));
    }
}
