package org.familystation.platform.backup;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.SagaConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.nio.file.Path;

/** Backups through the admin API, and a restore when an installation starts with {@code familystation.restore.from}. */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
public class BackupConfiguration {

    @Bean
    public Backup backup(DataSource dataSource, ObjectProvider<EventProcessingConfiguration> processing) {
        return new Backup(dataSource, () -> processing.getObject().sagaConfigurations().stream()
                .map(SagaConfiguration::processingGroup).toList());
    }

    @Bean
    public BackupController backupController(Backup backup) {
        return new BackupController(backup);
    }

    /** Runs as the context starts, once Flyway has created the schema (the initializer is asked for first). */
    @Bean
    @ConditionalOnProperty("familystation.restore.from")
    public Restore restore(DataSource dataSource, ObjectProvider<FlywayMigrationInitializer> flyway,
                           @Value("${familystation.restore.from}") Path archive) {
        flyway.ifAvailable(migrated -> { });
        return new Restore(dataSource, archive);
    }
}
