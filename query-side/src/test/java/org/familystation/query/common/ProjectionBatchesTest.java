package org.familystation.query.common;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.annotation.AnnotatedMessageHandlingMemberDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiHandlerDefinition;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a projection declares is how its handlers run in a batch, on the real PostgreSQL (where one failing statement
 * aborts the whole transaction): a plain projection's failing event is rolled back alone and thrown to the
 * dead-letter queue, which can still write; a batched one's fails the batch, which is retried with a savepoint per
 * event; a one-at-a-time one takes its processor's advisory lock. A batch of a family holds the events of several
 * processing groups: one lock for all of them, and a failure makes only the failing group careful.
 */
@ReadStoreTest
class ProjectionBatchesTest {

    /** Refuses ids starting with "bad", as a CHECK constraint refuses a bad row in the tests of the application. */
    private static final String TABLE = "projection_batches_test";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ProjectionBatches batches;

    @ProcessingGroup(ProcessingGroups.OFFERINGS)
    class Plain {
        @EventHandler
        void on(String id) {
            jdbc.update("INSERT INTO " + TABLE + " (id) VALUES (?)", id);
        }
    }

    @BatchedProjection
    @ProcessingGroup(ProcessingGroups.ACCOUNTS)
    class Batched {
        @EventHandler
        void on(String id) {
            jdbc.update("INSERT INTO " + TABLE + " (id) VALUES (?)", id);
        }
    }

    @OneBatchAtATime
    @ProcessingGroup(ProcessingGroups.PEOPLE)
    class OneAtATime {
        @EventHandler
        void on(String id) {
            jdbc.update("INSERT INTO " + TABLE + " (id) VALUES (?)", id);
        }
    }

    /** Another group with shared rows, in the same family (read-models) as {@link OneAtATime}. */
    @OneBatchAtATime
    @ProcessingGroup(ProcessingGroups.PEOPLE)
    class AlsoOneAtATime {
        @EventHandler
        void on(String id) {
            jdbc.update("INSERT INTO " + TABLE + " (id) VALUES (?)", id);
        }
    }

    /** A batched projection that collects its rows and inserts them when the batch commits. */
    @BatchedProjection
    @ProcessingGroup(ProcessingGroups.NEEDS)
    class Collecting {
        @EventHandler
        void on(String id) {
            batches.writes(Rows.class, Rows::new).ids.add(id);
        }
    }

    class Rows implements BatchWrites {
        final List<String> ids = new ArrayList<>();

        @Override
        public void flush() {
            ids.forEach(id -> jdbc.update("INSERT INTO " + TABLE + " (id) VALUES (?)", id));
            ids.clear();
        }
    }

    @ProcessingGroup("no-dead-letter-queue")
    class NotAProjection {
        @EventHandler
        void on(String id) {
            jdbc.update("INSERT INTO " + TABLE + " (id) VALUES (?)", id);
        }
    }

    @BeforeEach
    void table() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id TEXT PRIMARY KEY CHECK (id NOT LIKE 'bad%'))");
        jdbc.update("DELETE FROM " + TABLE);
    }

    /** The handlers of a projection as its processor calls them, with ProjectionBatches around them. */
    private AnnotationEventHandlerAdapter handlers(Object projection) {
        return new AnnotationEventHandlerAdapter(projection,
                ClasspathParameterResolverFactory.forClass(projection.getClass()),
                MultiHandlerDefinition.ordered(batches, new AnnotatedMessageHandlingMemberDefinition()));
    }

    private interface Batch {
        void handle(AnnotationEventHandlerAdapter handlers) throws Exception;
    }

    /** One batch: a transaction with a unit of work, committed as the processor commits it. */
    private void batch(AnnotationEventHandlerAdapter handlers, Batch batch) {
        transactions.executeWithoutResult(status -> {
            UnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event("first"));
            try {
                batch.handle(handlers);
            } catch (Exception e) {
                unitOfWork.rollback(e);
                throw new IllegalStateException(e);
            }
            unitOfWork.commit();
        });
    }

    private static EventMessage<String> event(String id) {
        return GenericEventMessage.asEventMessage(id);
    }

    private List<String> rows() {
        return jdbc.queryForList("SELECT id FROM " + TABLE + " ORDER BY id", String.class);
    }

    @Test
    void aPlainProjectionsFailingEventIsRolledBackAloneAndThrownSoTheQueueCanParkIt() {
        batch(handlers(new Plain()), handlers -> {
            handlers.handle(event("good-1"));
            assertThatThrownBy(() -> handlers.handle(event("bad-1"))).hasMessageContaining(TABLE);
            // What the dead-letter queue does next, in the batch's transaction: it is not aborted.
            jdbc.update("INSERT INTO " + TABLE + " (id) VALUES ('parked')");
            handlers.handle(event("good-2"));
        });
        assertThat(rows()).containsExactly("good-1", "good-2", "parked");
    }

    @Test
    void aBatchedProjectionsFailingEventFailsItsBatchWhichIsRetriedWithASavepointPerEvent() {
        AnnotationEventHandlerAdapter handlers = handlers(new Batched());
        assertThatThrownBy(() -> batch(handlers, batched -> {
            batched.handle(event("good-1"));
            batched.handle(event("bad-1")); // no savepoint: the transaction is aborted, the rest of the batch skipped
            batched.handle(event("good-2"));
        })).isInstanceOf(ProjectionBatches.BatchRetryException.class).hasMessageContaining("savepoint per event");
        assertThat(rows()).isEmpty();

        batch(handlers, careful -> {
            careful.handle(event("good-1"));
            assertThatThrownBy(() -> careful.handle(event("bad-1"))).hasMessageContaining(TABLE);
            careful.handle(event("good-2"));
        });
        assertThat(rows()).containsExactly("good-1", "good-2");
    }

    @Test
    void aOneBatchAtATimeProjectionsBatchHoldsItsGroupsAdvisoryLock() {
        batch(handlers(new OneAtATime()), handlers -> {
            handlers.handle(event("first"));
            handlers.handle(event("second"));
            assertThat(advisoryLocks()).isOne();
        });
        // Any other projection's segments apply their batches side by side (counters kept in parts): no lock.
        batch(handlers(new Plain()), handlers -> {
            handlers.handle(event("third"));
            assertThat(advisoryLocks()).isZero();
        });
        batch(handlers(new Batched()), handlers -> {
            handlers.handle(event("fourth"));
            assertThat(advisoryLocks()).isZero();
        });
    }

    @Test
    void aFamilysBatchHoldsOneLockForItsGroupsAndAFailureMakesOnlyTheFailingGroupCareful() {
        AnnotationEventHandlerAdapter plain = handlers(new Plain());
        AnnotationEventHandlerAdapter funds = handlers(new OneAtATime());
        AnnotationEventHandlerAdapter people = handlers(new AlsoOneAtATime());
        AnnotationEventHandlerAdapter needs = handlers(new Collecting());
        // One batch of the read-models family, its events handed to each group's handlers as its processor does.
        assertThatThrownBy(() -> batch(plain, first -> {
            plain.handle(event("good-1"));
            funds.handle(event("good-2"));
            people.handle(event("good-3"));
            assertThat(advisoryLocks()).isOne();
            needs.handle(event("bad-4")); // collected: fails when the batch commits, as needs' writes
            plain.handle(event("good-5"));
        })).isInstanceOf(ProjectionBatches.BatchRetryException.class)
                .hasMessageContaining("of " + ProcessingGroups.NEEDS + " failed");
        assertThat(rows()).isEmpty();

        // Retried: needs is careful (its event in a savepoint, thrown to be parked alone), the others are not.
        batch(plain, retried -> {
            plain.handle(event("good-1"));
            funds.handle(event("good-2"));
            people.handle(event("good-3"));
            assertThatThrownBy(() -> needs.handle(event("bad-4"))).hasMessageContaining(TABLE);
            needs.handle(event("good-4"));
            plain.handle(event("good-5"));
        });
        assertThat(rows()).containsExactly("good-1", "good-2", "good-3", "good-4", "good-5");
    }

    @Test
    void aHandlerOfAGroupWithoutADeadLetterQueueIsLeftAsItIs() {
        assertThatThrownBy(() -> batch(handlers(new NotAProjection()), handlers -> {
            assertThatThrownBy(() -> handlers.handle(event("bad-1"))).hasMessageContaining(TABLE);
            // No savepoint was rolled back: the whole transaction is aborted.
            jdbc.update("INSERT INTO " + TABLE + " (id) VALUES ('parked')");
        })).hasMessageContaining("current transaction is aborted");
        assertThat(rows()).isEmpty();
    }

    private long advisoryLocks() {
        return jdbc.queryForObject("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                + " AND pid = pg_backend_pid()", Long.class);
    }
}
