package org.familystation.query.people;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.annotation.AnnotatedMessageHandlingMemberDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiHandlerDefinition;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.familystation.events.common.Provider;
import org.familystation.events.common.ProviderKind;
import org.familystation.events.common.ServiceDetails;
import org.familystation.events.common.StationPoint;
import org.familystation.events.common.VolunteerTime;
import org.familystation.events.people.VolunteerHoursRecorded;
import org.familystation.events.people.VolunteerRegistered;
import org.familystation.events.servicerecord.ServiceRecordCorrected;
import org.familystation.events.servicerecord.ServiceRecordVoided;
import org.familystation.events.servicerecord.ServiceRecorded;
import org.familystation.query.common.Deliveries;
import org.familystation.query.common.ProjectionBatches;
import org.familystation.query.common.QueryProperties;
import org.familystation.query.common.ReadStoreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The volunteer projection on the real PostgreSQL: redelivered hours never count twice. */
@ReadStoreTest
class VolunteerProjectionTest {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final VolunteerProjection projection;
    private final ServicePeopleProjection services;

    private final String id = UUID.randomUUID().toString();

    private final ProjectionBatches batches;
    private final Deliveries deliveries;

    @Autowired
    VolunteerProjectionTest(JdbcTemplate jdbc, TransactionTemplate transactions, QueryProperties properties,
                            ProjectionBatches batches) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.batches = batches;
        this.deliveries = new Deliveries(transactions, batches);
        VolunteerTotals totals = new VolunteerTotals(jdbc);
        this.projection = new VolunteerProjection(jdbc, properties, totals);
        this.services = new ServicePeopleProjection(jdbc, properties, totals, batches);
    }

    private void deliver(Runnable handler, int times) {
        deliveries.deliver(handler, times);
    }

    private VolunteerHoursRecorded hours(String serviceRecordId, String deliveredAt, int minutes) {
        return new VolunteerHoursRecorded(id, "陈静", "T-" + id.substring(0, 8), serviceRecordId, "station-" + id,
                "测试驿站", "测试区", "HOUSEKEEPING", "家政", Instant.parse(deliveredAt), minutes, Instant.now());
    }

    @Test
    void redeliveredHoursNeverCountTwice() {
        deliver(() -> projection.on(new VolunteerRegistered(id, "陈静", "T-" + id.substring(0, 8), null, null, null,
                null, Instant.now()), 0), 2);
        VolunteerHoursRecorded october = hours("record-1-" + id, "2026-10-31T15:00:00Z", 90);
        // 2026-10-31T16:30Z is 1 November in Nanjing.
        VolunteerHoursRecorded november = hours("record-2-" + id, "2026-10-31T16:30:00Z", 45);
        deliver(() -> projection.on(october), 2);
        deliver(() -> projection.on(november), 2);
        deliver(() -> projection.on(october), 1);

        Map<String, Object> volunteer = jdbc.queryForMap("SELECT minutes, services FROM rm_volunteer"
                + " WHERE volunteer_id = ?", id);
        assertThat(((Number) volunteer.get("minutes")).longValue()).isEqualTo(135);
        assertThat(((Number) volunteer.get("services")).intValue()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT month, minutes, services FROM rm_volunteer_hours_stats"
                + " WHERE volunteer_id = ? ORDER BY month", id)).extracting(row -> row.get("month") + " "
                + row.get("minutes") + " " + row.get("services")).containsExactly("2026-10 90 1", "2026-11 45 1");
    }

    /**
     * The service's events and the volunteer's belong to different aggregates, so they may arrive in any order:
     * here time named on a service and time recorded against it arrive before the volunteer's registration, and the
     * voiding before the recorded time; every total ends as if they had come in order, and redelivery changes
     * nothing.
     */
    @Test
    void aVoidedServiceCountsInNoTotalWhateverOrderItsEventsArriveIn() {
        String record = "record-void-" + id;
        Instant delivered = Instant.parse("2026-09-10T02:00:00Z");
        ServiceRecorded recorded = new ServiceRecorded(record, "station-" + id, "测试驿站", "测试区",
                new ServiceDetails(StationPoint.CONVENIENCE, "HOUSEKEEPING", "家政", new Provider(ProviderKind.VOLUNTEERS,
                        null, null, List.of(), List.of(), List.of(new VolunteerTime(id, 30))), delivered, 3, "上门家政",
                        null, null, null), Instant.now());
        deliver(() -> services.on(recorded, 0), 2);
        assertThat(jdbc.queryForObject("SELECT minutes FROM rm_volunteer_hours_stats WHERE volunteer_id = ?",
                Long.class, id)).isEqualTo(30);

        deliver(() -> services.on(new ServiceRecordVoided(record, "station-" + id, "重复录入", Instant.now()), 1), 2);
        deliver(() -> projection.on(hours(record, "2026-09-10T02:00:00Z", 60)), 2);
        deliver(() -> projection.on(new VolunteerRegistered(id, "陈静", "T-" + id.substring(0, 8), null, null, null,
                null, Instant.now()), 0), 2);

        Map<String, Object> volunteer = jdbc.queryForMap("SELECT minutes, services FROM rm_volunteer"
                + " WHERE volunteer_id = ?", id);
        assertThat(((Number) volunteer.get("minutes")).longValue()).isZero();
        assertThat(((Number) volunteer.get("services")).intValue()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rm_volunteer_hours_stats WHERE volunteer_id = ?",
                Long.class, id)).isZero();
        assertThat(jdbc.queryForList("SELECT source FROM rm_volunteer_hours WHERE volunteer_id = ? AND voided"
                + " ORDER BY source", String.class, id)).containsExactly("HOURS", "SERVICE");
    }

    /**
     * The totals moved batch by batch, by the entries each write started or stopped, equal the totals computed from
     * every entry that stands: services naming one to three volunteers, hours recorded against them (some in another
     * month than the service's, as after a correction moved it), corrections replacing the volunteers and the date,
     * voidings and registrations, in a random order that keeps each aggregate's own, applied in batches of random
     * sizes as the processor applies them, with some events delivered twice.
     */
    @Test
    void totalsMovedBatchByBatchEqualTotalsComputedFromEveryEntry() {
        for (long seed = 1; seed <= 6; seed++) {
            Random random = new Random(seed);
            String run = id.substring(0, 8) + "-" + seed;
            List<String> volunteers = List.of("v1-" + run, "v2-" + run, "v3-" + run);
            List<List<EventMessage<?>>> streams = new ArrayList<>();
            for (String volunteer : volunteers) {
                streams.add(new ArrayList<>(List.of(message(volunteer, 0, new VolunteerRegistered(volunteer, "志愿者",
                        "N-" + volunteer, null, null, null, null, Instant.now())))));
            }
            for (int record = 0; record < 30; record++) {
                String recordId = "r" + record + "-" + run;
                String station = "station-" + random.nextInt(2) + "-" + run;
                ServiceRecorded recorded = new ServiceRecorded(recordId, station, "测试驿站", "测试区",
                        details(random, volunteers), Instant.now());
                List<EventMessage<?>> stream = new ArrayList<>(List.of(message(recordId, 0, recorded)));
                if (random.nextInt(3) == 0) {
                    stream.add(message(recordId, 1, new ServiceRecordCorrected(recordId, station,
                            details(random, volunteers), List.of("provider", "deliveredAt"), "更正", Instant.now())));
                }
                if (random.nextInt(4) == 0) {
                    stream.add(message(recordId, stream.size(), new ServiceRecordVoided(recordId, station, "重复录入",
                            Instant.now())));
                }
                streams.add(stream);
                if (random.nextInt(3) == 0) {
                    String volunteer = volunteers.get(random.nextInt(volunteers.size()));
                    streams.get(volunteers.indexOf(volunteer)).add(message(volunteer, 1, new VolunteerHoursRecorded(
                            volunteer, "志愿者", "N-" + volunteer, recordId, station, "测试驿站", "测试区", "HOUSEKEEPING",
                            "家政", MONTHS.get(random.nextInt(MONTHS.size())), 15 + random.nextInt(100), Instant.now())));
                }
            }
            List<EventMessage<?>> history = interleave(streams, random);
            for (int from = 0; from < history.size(); ) {
                int to = Math.min(history.size(), from + 1 + random.nextInt(12));
                List<EventMessage<?>> batch = new ArrayList<>(history.subList(from, to));
                if (random.nextInt(4) == 0) {
                    batch.add(batch.get(random.nextInt(batch.size()))); // redelivered
                }
                applyBatch(batch);
                from = to;
            }

            List<Map<String, Object>> moved = totals(volunteers);
            transactions.executeWithoutResult(status -> volunteers.forEach(new VolunteerTotals(jdbc)::refresh));
            assertThat(moved).as("seed " + seed).isEqualTo(totals(volunteers));
            assertThat(moved).as("seed " + seed).isNotEmpty();
        }
    }

    private static final List<Instant> MONTHS = List.of(Instant.parse("2026-07-15T02:00:00Z"),
            Instant.parse("2026-08-15T02:00:00Z"), Instant.parse("2026-09-15T02:00:00Z"));

    private static ServiceDetails details(Random random, List<String> volunteers) {
        List<String> named = new ArrayList<>(volunteers);
        Collections.shuffle(named, random);
        List<VolunteerTime> time = named.subList(0, 1 + random.nextInt(named.size())).stream()
                .map(volunteer -> new VolunteerTime(volunteer, 15 + random.nextInt(100))).toList();
        return new ServiceDetails(StationPoint.CONVENIENCE, "HOUSEKEEPING", "家政", new Provider(ProviderKind.VOLUNTEERS,
                null, null, List.of(), List.of(), time), MONTHS.get(random.nextInt(MONTHS.size())), 3, "上门家政", null,
                null, null);
    }

    private static EventMessage<?> message(String aggregateId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(payload.getClass().getSimpleName(), aggregateId, sequence, payload);
    }

    /** The streams' events in a random order that keeps each stream's own. */
    private static List<EventMessage<?>> interleave(List<List<EventMessage<?>>> streams, Random random) {
        List<Deque<EventMessage<?>>> left = new ArrayList<>();
        streams.forEach(stream -> left.add(new ArrayDeque<>(stream)));
        List<EventMessage<?>> history = new ArrayList<>();
        while (!left.isEmpty()) {
            Deque<EventMessage<?>> next = left.get(random.nextInt(left.size()));
            history.add(next.removeFirst());
            left.removeIf(Deque::isEmpty);
        }
        return history;
    }

    /** One batch as the processor applies it: a transaction and a unit of work, the projections' handlers wrapped. */
    private void applyBatch(List<EventMessage<?>> batch) {
        List<AnnotationEventHandlerAdapter> handlers = List.of(handlers(projection), handlers(services));
        transactions.executeWithoutResult(status -> {
            UnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(batch.get(0));
            try {
                for (EventMessage<?> event : batch) {
                    for (AnnotationEventHandlerAdapter handler : handlers) {
                        if (handler.canHandle(event)) {
                            handler.handle(event);
                        }
                    }
                }
            } catch (Exception e) {
                unitOfWork.rollback(e);
                throw new IllegalStateException(e);
            }
            unitOfWork.commit();
        });
    }

    private AnnotationEventHandlerAdapter handlers(Object projection) {
        return new AnnotationEventHandlerAdapter(projection,
                ClasspathParameterResolverFactory.forClass(projection.getClass()),
                MultiHandlerDefinition.ordered(batches, new AnnotatedMessageHandlingMemberDefinition()));
    }

    private List<Map<String, Object>> totals(List<String> volunteers) {
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.queryForList("SELECT volunteer_id, minutes, services"
                + " FROM rm_volunteer WHERE volunteer_id IN (?, ?, ?) ORDER BY volunteer_id", volunteers.toArray()));
        rows.addAll(jdbc.queryForList("SELECT volunteer_id, station_id, month, volunteer_name, volunteer_number,"
                + " station_name, district, minutes, services FROM rm_volunteer_hours_stats"
                + " WHERE volunteer_id IN (?, ?, ?) ORDER BY volunteer_id, station_id, month", volunteers.toArray()));
        return rows;
    }
}
