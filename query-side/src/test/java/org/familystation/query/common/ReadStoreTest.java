package org.familystation.query.common;

import org.familystation.embedded.EmbeddedPostgresAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test of read models on a real embedded PostgreSQL, in a fresh data folder, with the application's schema: the
 * same migrations (the platform's and the query side's, {@code classpath:db/migration}) run by Flyway as
 * {@code application.yml} (infra/app) runs them. The context holds the DataSource, a JdbcTemplate, transactions,
 * the query side's properties and {@link ProjectionBatches}, nothing else: a test builds the projection it tests
 * from them and calls its handlers as the processor would. All test classes with this annotation share one server
 * (Spring's context cache).
 */
@Target(ElementType.TYPE)
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ReadStoreTest.ReadStore.class, properties = {
        "familystation.data-dir=target/read-store-test/${random.uuid}",
        // Tests do not need to survive a power cut; the application's default keeps fsync on.
        "familystation.embedded.postgres.durable=false",
        // As application.yml: each part brings its own migrations; the command side's are not on this classpath.
        "spring.flyway.locations=classpath:db/migration",
        "spring.flyway.ignore-migration-patterns=*:missing",
        "spring.flyway.out-of-order=true"
})
public @interface ReadStoreTest {

    /** The read store alone. */
    @SpringBootConfiguration
    @ImportAutoConfiguration({EmbeddedPostgresAutoConfiguration.class, DataSourceAutoConfiguration.class,
            FlywayAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class})
    @EnableConfigurationProperties(QueryProperties.class)
    @Import(ProjectionBatches.class)
    class ReadStore {
    }
}
