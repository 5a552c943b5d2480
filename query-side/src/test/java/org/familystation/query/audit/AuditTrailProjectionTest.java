package org.familystation.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.familystation.events.servicerecord.ServiceRecorded;
import org.familystation.events.station.StationSuspended;
import org.familystation.platform.eventstore.EventStoreConfiguration;
import org.familystation.platform.evolution.EventUpcasters;
import org.familystation.platform.personaldata.DataKeys;
import org.familystation.platform.personaldata.PersonalDataProtection;
import org.familystation.query.common.ProjectionBatches;
import org.familystation.query.common.ReadStoreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.crypto.SecretKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail's projection on the real PostgreSQL: redelivery stores once, at the event's own position in the
 * store, and an event the store does not hold fails loudly; and what auditors read of it (AuditEntries): the stored
 * event as the upcasters read it. (The trail rebuilt by a replay of the application's
 * processor: AuditTrailReplayTest, infra/app.)
 */
@ReadStoreTest
class AuditTrailProjectionTest {

    /** The stored format of events (without the encryption of personal values, which a suspension has none of). */
    private static final Serializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(new EventStoreConfiguration().defaultAxonObjectMapper()).build();

    private static final EventSchema SCHEMA = new EventStoreConfiguration().eventSchema();

    private static final ObjectMapper JSON = new ObjectMapper();

    /** No personal values in these events: keys that open nothing, and no subject erased. */
    private static final PersonalDataProtection PROTECTION = new PersonalDataProtection(new DataKeys() {
        @Override
        public Optional<SecretKey> keyToWrite(String subject) {
            return Optional.empty();
        }

        @Override
        public Optional<SecretKey> keyToRead(String subject) {
            return Optional.empty();
        }

        @Override
        public boolean erased(String subject) {
            return false;
        }

        @Override
        public boolean erase(String subject) {
            return false;
        }
    });

    private static final AuditEntries ENTRIES = new AuditEntries(SCHEMA, SERIALIZER, EventUpcasters.chain(),
            PROTECTION);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ProjectionBatches batches;
    private final AuditTrailProjection projection;

    @Autowired
    AuditTrailProjectionTest(JdbcTemplate jdbc, TransactionTemplate transactions, ProjectionBatches batches) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.batches = batches;
        this.projection = new AuditTrailProjection(jdbc, SERIALIZER, batches);
    }

    /** As the processor delivers an event handled alone: its collected writes applied when the handler returns. */
    private void deliver(DomainEventMessage<?> event) {
        transactions.executeWithoutResult(status -> {
            try {
                batches.alone(() -> {
                    projection.on(event);
                    return null;
                });
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static DomainEventMessage<StationSuspended> suspension() {
        String station = UUID.randomUUID().toString();
        return new GenericDomainEventMessage<>("Station", station, 3,
                new StationSuspended(station, "消防检查整改", Instant.parse("2026-11-20T06:00:00Z")),
                MetaData.with("userId", "hq").and("unitId", "hq-unit"));
    }

    /** Appends the event to the store as the event store would; its global index. */
    private long store(DomainEventMessage<?> event) {
        return jdbc.queryForObject("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                meta_data, payload, payload_type, time_stamp)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING global_index""", Long.class,
                event.getAggregateIdentifier(), event.getSequenceNumber(), event.getType(), event.getIdentifier(),
                event.serializeMetaData(SERIALIZER, byte[].class).getData(),
                event.serializePayload(SERIALIZER, byte[].class).getData(), event.getPayloadType().getName(),
                event.getTimestamp().toString());
    }

    @Test
    void aRedeliveredEventIsStoredOnceAtItsOwnPosition() {
        DomainEventMessage<StationSuspended> event = suspension();
        long index = store(event);

        for (int delivery = 0; delivery < 3; delivery++) {
            deliver(event);
        }
        assertThat(jdbc.queryForList("SELECT * FROM rm_audit_event WHERE aggregate_id = ?",
                event.getAggregateIdentifier())).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("global_index", index)
                .containsEntry("event_type", "StationSuspended")
                .containsEntry("aggregate_type", "Station")
                .containsEntry("user_id", "hq")
                .containsEntry("unit_id", "hq-unit"));
        // What auditors read: the trail's row with the store's.
        assertThat(entry(index)).satisfies(entry -> {
            assertThat(entry.eventId()).isEqualTo(event.getIdentifier());
            assertThat(entry.aggregateId()).isEqualTo(event.getAggregateIdentifier());
            assertThat(entry.sequenceNumber()).isEqualTo(3);
            assertThat(entry.reason()).isEqualTo("消防检查整改");
            assertThat(entry.payload()).isEqualTo(event.serializePayload(SERIALIZER, String.class).getData());
            assertThat(JSON.readTree(entry.metadata()))
                    .isEqualTo(JSON.readTree(event.serializeMetaData(SERIALIZER, String.class).getData()));
        });
    }

    @Test
    void anEventNotInTheStoreFailsLoudly() {
        DomainEventMessage<StationSuspended> notStored = suspension();
        assertThatThrownBy(() -> deliver(notStored))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(notStored.getIdentifier());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rm_audit_event WHERE aggregate_id = ?", Long.class,
                notStored.getAggregateIdentifier())).isZero();
    }

    /**
     * An event stored at an older revision, laid out over several lines, with a password hash: auditors read it in
     * its current shape (what the upcasters add), on one line, without the hash, with its reason.
     */
    @Test
    void anEntryShowsTheStoredEventAsTheUpcastersReadItOnOneLineWithoutSecrets() throws Exception {
        String payload = """
                {
                  "serviceRecordId": "r-1",
                  "reason": "补录",
                  "passwordHash": "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
                  "details": { "provider": { "name": "李社工" } }
                }""";
        long index = storeByHand("ServiceRecord", ServiceRecorded.class.getName(), "1", payload,
                "{\n  \"userId\": \"worker\"\n}");

        AuditEntry entry = entry(index);
        assertThat(entry.payload()).doesNotContain("\n", "passwordHash");
        JsonNode shown = JSON.readTree(entry.payload());
        assertThat(shown.path("details").path("provider").path("name").asText()).isEqualTo("李社工");
        assertThat(shown.path("details").path("provider").path("socialWorkerIds").isArray()).isTrue();
        assertThat(entry.reason()).isEqualTo("补录");
        assertThat(entry.metadata()).isEqualTo("{\"userId\":\"worker\"}");
        assertThat(entry.eventType()).isEqualTo("ServiceRecorded");
    }

    /** An event type this node does not know is shown as stored: nothing deserializes it. */
    @Test
    void anEntryOfAnUnknownTypeShowsItsStoredPayload() throws Exception {
        long index = storeByHand("Elsewhere", "org.example.NotKnownHere", null, "{ \"reviewerNotes\": \"ok\" }",
                "{}");
        AuditEntry entry = entry(index);
        assertThat(entry.payload()).isEqualTo("{ \"reviewerNotes\": \"ok\" }");
        assertThat(entry.reason()).isEqualTo("ok");
        assertThat(entry.eventType()).isEqualTo("NotKnownHere");
    }

    /** An event of no aggregate, stored under its own id (as a sign-in lockout is): read as the store reads it. */
    @Test
    void anEntryOfAnEventOfNoAggregateIsRead() {
        long index = storeByHand(null, "org.familystation.events.account.SignInLockedOut", null,
                "{\"reason\":\"连续登录失败\"}", "{\"userId\":\"system\"}");
        AuditEntry entry = entry(index);
        assertThat(entry.payload()).isEqualTo("{\"reason\":\"连续登录失败\"}");
        assertThat(entry.reason()).isEqualTo("连续登录失败");
        assertThat(entry.aggregateId()).isEqualTo(entry.eventId());
        assertThat(entry.sequenceNumber()).isZero();
    }

    /** An event an upcaster drops (none does today) still has its entry: shown as stored, on one line. */
    @Test
    void anEntryOfAnEventAnUpcasterDropsShowsItAsStored() {
        long index = storeByHand("Elsewhere", "org.example.Dropped", "1", "{\n  \"reason\": \"已合并\"\n}", "{}");
        AuditEntries droppingAll = new AuditEntries(SCHEMA, SERIALIZER, events -> Stream.empty(),
                PROTECTION);
        AuditEntry entry = jdbc.queryForObject("SELECT * FROM rm_audit_entry WHERE global_index = ?", droppingAll,
                index);
        assertThat(entry.payload()).isEqualTo("{\"reason\":\"已合并\"}");
        assertThat(entry.reason()).isEqualTo("已合并");
        assertThat(entry.metadata()).isEqualTo("{}");
    }

    /** A trail row with no event in the store under its index (only ever written by hand) shows what it has. */
    @Test
    void aTrailRowWithoutItsStoredEventShowsNoPayload() {
        long index = 8_000_000_000_000_000L + (System.nanoTime() % 1_000_000_000L);
        jdbc.update("""
                INSERT INTO rm_audit_event (global_index, occurred_at, event_type, aggregate_id, user_id)
                VALUES (?, now(), 'StationSuspended', 'nowhere', 'hq')""", index);
        AuditEntry entry = entry(index);
        assertThat(entry.eventId()).isNull();
        assertThat(entry.payload()).isNull();
        assertThat(entry.metadata()).isNull();
        assertThat(entry.userId()).isEqualTo("hq");
    }

    /**
     * Appends an event as text, as a hand-written or older row of the store would be, and its trail row; with no
     * aggregate type, as an event of no aggregate (stored under its own id).
     */
    private long storeByHand(String aggregateType, String payloadType, String revision, String payload,
                             String metadata) {
        String id = UUID.randomUUID().toString();
        long index = jdbc.queryForObject("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                meta_data, payload, payload_type, payload_revision, time_stamp)
                VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?) RETURNING global_index""", Long.class,
                aggregateType == null ? id : "aggregate-" + id, aggregateType, id,
                metadata.getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8), payloadType,
                revision, Instant.now().toString());
        jdbc.update("""
                INSERT INTO rm_audit_event (global_index, occurred_at, event_type, aggregate_type, aggregate_id)
                VALUES (?, now(), ?, ?, ?)""", index, AuditTrailProjection.simpleName(payloadType), aggregateType, id);
        return index;
    }

    /** The entry auditors read at the index, as AuditTrailController reads it. */
    private AuditEntry entry(long index) {
        return jdbc.queryForObject("SELECT * FROM rm_audit_entry WHERE global_index = ?", ENTRIES, index);
    }
}
