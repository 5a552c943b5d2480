package org.familystation.command.common;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.serialization.Serializer;
import org.familystation.platform.messaging.MetadataKeys;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deadlines of aggregates (a referral not accepted in time) kept in PostgreSQL, table {@code deadline_schedule},
 * by db-scheduler through Axon's {@link DbSchedulerDeadlineManager}.
 *
 * <p>Why not Axon's default: the {@code SimpleDeadlineManager} keeps deadlines in memory, so a restart or a crash
 * loses every deadline not yet due — and a deadline days away is sure to meet a restart. Here a deadline is written
 * in the same transaction as the events of the command that set it (the scheduler's connections join Spring's
 * transaction), survives restarts, and with several command nodes is run by exactly one of them (db-scheduler
 * claims a due deadline with a row lock). It belongs to the command side because only a node that hosts the
 * aggregates can run their deadlines: a query node that took one would find no one to hand it to.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadlineProperties.class)
public class DeadlineConfiguration {

    static final String TABLE = "deadline_schedule";

    @Bean
    public DeadlineScheduler deadlineScheduler(DataSource dataSource, DeadlineProperties properties,
                                               ObjectProvider<DbSchedulerDeadlineManager> deadlineManager) {
        Scheduler scheduler = Scheduler
                .create(new TransactionAwareDataSourceProxy(dataSource),
                        List.of(DbSchedulerDeadlineManager.binaryTask(deadlineManager::getObject)))
                .tableName(TABLE)
                .pollingInterval(properties.getPollingInterval())
                .threads(properties.getThreads())
                .heartbeatInterval(properties.getHeartbeatInterval())
                .missedHeartbeatsLimit(properties.getMissedHeartbeatsLimit())
                .shutdownMaxWait(properties.getShutdownMaxWait())
                .alwaysPersistTimestampInUTC()
                .build();
        return new DeadlineScheduler(scheduler);
    }

    @Bean
    public DbSchedulerDeadlineManager deadlineManager(DeadlineScheduler scheduler, Configuration axon,
                                                      @Qualifier("eventSerializer") Serializer serializer,
                                                      TransactionManager transactionManager,
                                                      DeadlineManagerSpanFactory spanFactory) {
        DbSchedulerDeadlineManager deadlines = DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler.scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                // Started and stopped by DeadlineScheduler, in step with the Spring context.
                .startScheduler(false)
                .stopScheduler(false)
                .build();
        // When a deadline passes it is the system that acts, not the user whose command set it: what it causes is
        // recorded as the system's, under the correlation id of that command, which links the two in the history.
        deadlines.registerDispatchInterceptor(messages -> (index, deadline) -> deadline
                .withMetaData(deadline.getMetaData().withoutKeys(Set.of(MetadataKeys.UNIT_ID)))
                .andMetaData(Map.of(MetadataKeys.USER_ID, MetadataKeys.SYSTEM_USER)));
        // Events applied by a deadline handler carry metadata like those of a command (the deadline manager does not
        // attach the correlation data providers to its unit of work by itself).
        deadlines.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return deadlines;
    }

    /**
     * Runs the scheduler while the application runs: started in the last lifecycle phase, when Axon is up (a due
     * deadline loads its aggregate through Axon), and so stopped first, before Axon and the database.
     */
    public static class DeadlineScheduler implements SmartLifecycle {

        private final Scheduler scheduler;
        private volatile boolean running;

        DeadlineScheduler(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public void start() {
            scheduler.start();
            running = true;
        }

        @Override
        public void stop() {
            scheduler.stop();
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }
}
