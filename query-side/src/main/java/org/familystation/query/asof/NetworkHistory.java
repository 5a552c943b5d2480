package org.familystation.query.asof;

import org.familystation.events.servicerecord.ServiceRecordEvent;
import org.familystation.query.common.QueryProperties;
import org.familystation.query.reach.Reach;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The network as of an instant, folded from the events: from the latest snapshot that can stand for the start of
 * that history ({@link NetworkSnapshots}) and the events after it, or from the first event. Both give the same
 * answer (AsOfSnapshotTest).
 */
@Component
public class NetworkHistory {

    private final EventsUpTo events;
    private final NetworkSnapshots snapshots;
    private final ZoneId zone;

    NetworkHistory(EventsUpTo events, NetworkSnapshots snapshots, QueryProperties properties) {
        this.events = events;
        this.snapshots = snapshots;
        this.zone = properties.getTimeZone();
    }

    /**
     * @param asOf          the last instant that counts
     * @param date          the day asked for, if a day was asked for (only echoed)
     * @param now           the present: in business time everything recorded by now counts
     * @param fromSnapshots false: fold from the first event (what the snapshots are checked against)
     */
    public NetworkAsOf asOf(Instant asOf, LocalDate date, TimeBasis basis, Instant now, Reach reach,
                            boolean fromSnapshots) {
        for (int attempt = 1; ; attempt++) {
            try {
                return fold(asOf, date, basis, now, reach, fromSnapshots);
            } catch (Deliveries.DeliveriesGone gone) {
                // Newer snapshots superseded the one it started from while it read it (rare: one a minute at most).
                snapshots.forget(gone.position());
                if (attempt == 3) {
                    throw gone;
                }
            }
        }
    }

    private NetworkAsOf fold(Instant asOf, LocalDate date, TimeBasis basis, Instant now, Reach reach,
                             boolean fromSnapshots) {
        Instant happenedBy = basis == TimeBasis.BUSINESS ? asOf : null;
        Instant recordedBy = basis == TimeBasis.BUSINESS ? now : asOf;
        // In recorded time a snapshot stands for the start of the history only if all it holds was recorded by
        // then; in business time every snapshot does, each answer leaving out again what had not happened yet.
        // Business time counts the date's month delivery by delivery: only a snapshot that holds them will do.
        Optional<NetworkSnapshot> snapshot = fromSnapshots
                ? snapshots.latest(null, recordedBy, basis == TimeBasis.BUSINESS) : Optional.empty();
        NetworkFold fold = snapshot.map(start -> NetworkFold.from(start, zone, happenedBy, false))
                .orElseGet(() -> new NetworkFold(zone, happenedBy));
        long after = snapshot.map(NetworkSnapshot::globalIndex).orElse(-1L);
        // In recorded time, the ranges whose snapshot says all their events were recorded later stay unread: else an
        // answer as of an early instant would read the store to its end for the few events recorded by then.
        List<NetworkSnapshots.Range> ranges = fromSnapshots && basis == TimeBasis.RECORDED
                ? snapshots.toRead(after, recordedBy) : List.of(new NetworkSnapshots.Range(after, null));
        for (NetworkSnapshots.Range range : ranges) {
            events.read(range.after(), range.upTo(), recordedBy, NetworkFold.EVENT_TYPES, fold::apply);
        }
        snapshot.ifPresent(start -> fold.resolve(recordsUpTo(events, start.globalIndex())));
        fold.keepWithin(reach);
        return fold.answer(asOf, date, basis);
    }

    /** The events of some service records up to {@code position} (a snapshot's), from the store. */
    static NetworkFold.RecordEvents recordsUpTo(EventsUpTo events, long position) {
        return (ids, sink) -> events.readAggregates(ids, position, NetworkFold.SERVICE_RECORD_TYPES,
                (globalIndex, recordedAt, payload) -> sink.accept((ServiceRecordEvent) payload));
    }
}
