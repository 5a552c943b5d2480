package org.familystation.query.asof;

import org.familystation.query.network.UnitState;

import java.time.Instant;
import java.util.List;

/**
 * The network fold of every event up to a global index, kept so that an answer as of a date reads only the events
 * after it ({@link NetworkSnapshots}, docs/design/as-of-reads.md). Units and service records count whatever the date,
 * so units are kept folded and the services' figures pre-summed ({@link ServiceTallies}: not the records themselves;
 * one changed later is read again from the store); stations, alliance members and funds count by when things happened
 * (business time), which differs from one answer to the next, so their events are kept as read, to be folded again by
 * each answer with its own date. Immutable: a fold from it keeps what changes beside it.
 *
 * @param globalIndex      every event at or below this position in the store is in it, and none after
 * @param lastRecordedAt   the latest recording time of its events: an answer in recorded time before it cannot
 *                         start from this snapshot
 * @param eventsRead       the events folded into it
 * @param lastUndatedIndex the position of its last unit or service-record event; null if none
 */
public record NetworkSnapshot(long globalIndex, Instant lastRecordedAt, long eventsRead, Long lastUndatedIndex,
                              List<UnitState> units, ServiceTallies services, List<DatedEvent> datedEvents) {

    /** An event of a station, an alliance member or a fund, and its position in the store. */
    public record DatedEvent(long globalIndex, Object event) {
    }
}
