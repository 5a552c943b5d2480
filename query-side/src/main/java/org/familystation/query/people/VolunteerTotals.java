package org.familystation.query.people;

import org.familystation.query.common.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A volunteer's totals ({@code rm_volunteer}) and dashboard counters ({@code rm_volunteer_hours_stats}, per volunteer,
 * station and month) follow the entries of {@code rm_volunteer_hours} that stand (not on a voided service): minutes
 * summed, and services counted once however many entries (the service's own, the hours recorded against it) name
 * the volunteer on it.
 * <p>
 * They move by what changed, not by summing every entry again: a volunteer's entries grow with the history, and
 * computing them again for each event made the people projection's replay slow down as it went (370 events/s at
 * 100k events, 184 at 1M, BENCHMARKS.md). Each write that makes entries start or stop counting returns them
 * ({@code RETURNING}), which happens once per entry whatever is redelivered; {@link #moved} then reads what stands
 * of the same volunteers' services and moves each total by what it counts now minus what it counted before those
 * entries. The order the volunteer's and the services' events arrive in does not matter; the people projections'
 * batches are applied one at a time ({@code OneBatchAtATime}), so two batches never read a service's entries while
 * both change them.
 * <p>
 * Totals of a volunteer not yet registered stay on their entries: the registration computes them from every entry
 * ({@link #refresh}).
 */
@Component
class VolunteerTotals {

    /** The columns of an entry that {@link #ENTRY} reads, for a {@code RETURNING} clause. */
    static final String ENTRY_COLUMNS = "volunteer_id, service_record_id, source, station_id, station_name, district,"
            + " month, minutes";

    static final RowMapper<Entry> ENTRY = (row, index) -> new Entry(row.getString("volunteer_id"),
            row.getString("service_record_id"), row.getString("source"), row.getString("station_id"),
            row.getString("station_name"), row.getString("district"), row.getString("month"), row.getInt("minutes"));

    private final JdbcTemplate jdbc;

    VolunteerTotals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An entry of {@code rm_volunteer_hours}: a volunteer's minutes on a service, from one source. */
    record Entry(String volunteerId, String serviceRecordId, String source, String stationId, String stationName,
                 String district, String month, int minutes) {

        Service service() {
            return new Service(volunteerId, serviceRecordId);
        }

        Counter counter() {
            return new Counter(volunteerId, stationId, month);
        }
    }

    /** A volunteer on a service: counted once in the services of the volunteer and of a counter row. */
    record Service(String volunteerId, String serviceRecordId) {
    }

    /** A row of {@code rm_volunteer_hours_stats}; ordered so that batches lock the rows in one order. */
    record Counter(String volunteerId, String stationId, String month) implements Comparable<Counter> {

        private static final Comparator<Counter> ORDER = Comparator.comparing(Counter::volunteerId)
                .thenComparing(Counter::stationId).thenComparing(Counter::month);

        @Override
        public int compareTo(Counter other) {
            return ORDER.compare(this, other);
        }
    }

    /** Minutes and services added to a total (negative when taken away). */
    private static final class Change {
        long minutes;
        long services;
        String stationName;
        String district;

        boolean isNone() {
            return minutes == 0 && services == 0;
        }
    }

    /**
     * Moves the totals by entries that began to count ({@code started}: inserted standing) and stopped counting
     * ({@code stopped}: voided or deleted while standing), already written.
     */
    void moved(Collection<Entry> started, Collection<Entry> stopped) {
        if (started.isEmpty() && stopped.isEmpty()) {
            return;
        }
        Map<Service, List<Entry>> standing = standing(services(started, stopped));
        SortedMap<String, Change> volunteers = new TreeMap<>();
        SortedMap<Counter, Change> counters = new TreeMap<>();
        for (Entry entry : started) {
            minutes(volunteers, counters, entry, +1);
        }
        for (Entry entry : stopped) {
            minutes(volunteers, counters, entry, -1);
        }
        for (Map.Entry<Service, List<Entry>> service : standing.entrySet()) {
            List<Entry> now = service.getValue();
            List<Entry> before = before(now, service.getKey(), started, stopped);
            String volunteerId = service.getKey().volunteerId();
            volunteers.computeIfAbsent(volunteerId, id -> new Change()).services +=
                    (now.isEmpty() ? 0 : 1) - (before.isEmpty() ? 0 : 1);
            Set<Counter> countedNow = counters(now);
            Set<Counter> countedBefore = counters(before);
            Set<Counter> either = new HashSet<>(countedNow);
            either.addAll(countedBefore);
            for (Counter counter : either) {
                int services = (countedNow.contains(counter) ? 1 : 0) - (countedBefore.contains(counter) ? 1 : 0);
                if (services != 0) {
                    // Only a counter an entry started or stopped in can change: it has its names already.
                    counters.get(counter).services += services;
                }
            }
        }
        volunteers.values().removeIf(Change::isNone);
        Sql.inSlices(new ArrayList<>(volunteers.entrySet()), this::addToVolunteers);
        List<Map.Entry<Counter, Change>> moved = new ArrayList<>(counters.entrySet());
        moved.removeIf(entry -> entry.getValue().isNone());
        Sql.inSlices(moved, this::addToCounters);
    }

    private static void minutes(Map<String, Change> volunteers, Map<Counter, Change> counters, Entry entry,
                                int sign) {
        volunteers.computeIfAbsent(entry.volunteerId(), id -> new Change()).minutes += (long) sign * entry.minutes();
        Change counter = counters.computeIfAbsent(entry.counter(), key -> new Change());
        counter.minutes += (long) sign * entry.minutes();
        counter.stationName = entry.stationName();
        counter.district = entry.district();
    }

    private static Set<Service> services(Collection<Entry> started, Collection<Entry> stopped) {
        Set<Service> services = new LinkedHashSet<>();
        started.forEach(entry -> services.add(entry.service()));
        stopped.forEach(entry -> services.add(entry.service()));
        return services;
    }

    private static Set<Counter> counters(List<Entry> entries) {
        Set<Counter> counters = new HashSet<>();
        entries.forEach(entry -> counters.add(entry.counter()));
        return counters;
    }

    /** What stood of a volunteer's service before the change: what stands now, less what started, with what stopped. */
    private static List<Entry> before(List<Entry> now, Service service, Collection<Entry> started,
                                      Collection<Entry> stopped) {
        List<Entry> before = new ArrayList<>(now);
        started.stream().filter(entry -> entry.service().equals(service))
                .forEach(entry -> before.removeIf(standing -> standing.source().equals(entry.source())));
        stopped.stream().filter(entry -> entry.service().equals(service)).forEach(before::add);
        return before;
    }

    /** The entries that stand, after the change, of each of {@code services} (an empty list for none). */
    private Map<Service, List<Entry>> standing(Set<Service> services) {
        Map<Service, List<Entry>> standing = new HashMap<>();
        services.forEach(service -> standing.put(service, new ArrayList<>()));
        Sql.inSlices(new ArrayList<>(services), slice -> {
            List<Object> arguments = new ArrayList<>(slice.size() * 2);
            slice.forEach(service -> Collections.addAll(arguments, service.volunteerId(), service.serviceRecordId()));
            jdbc.query("SELECT " + ENTRY_COLUMNS + " FROM rm_volunteer_hours"
                            + " WHERE NOT voided AND (volunteer_id, service_record_id) IN ("
                            + Sql.valueRows(slice.size(), "(?, ?)") + ")", ENTRY, arguments.toArray())
                    .forEach(entry -> standing.get(entry.service()).add(entry));
        });
        return standing;
    }

    private void addToVolunteers(List<Map.Entry<String, Change>> changes) {
        List<Object> arguments = new ArrayList<>(changes.size() * 3);
        changes.forEach(change -> Collections.addAll(arguments, change.getKey(), change.getValue().minutes,
                change.getValue().services));
        jdbc.update("UPDATE rm_volunteer v SET minutes = v.minutes + d.minutes, services = v.services + d.services"
                + " FROM (VALUES " + Sql.valueRows(changes.size(), "(?, ?::bigint, ?::int)")
                + ") AS d (volunteer_id, minutes, services) WHERE v.volunteer_id = d.volunteer_id",
                arguments.toArray());
    }

    /** Adds to each counter row (creating it), in key order; a row that counts no service any more goes. */
    private void addToCounters(List<Map.Entry<Counter, Change>> changes) {
        List<Object> arguments = new ArrayList<>(changes.size() * 7);
        changes.forEach(change -> Collections.addAll(arguments, change.getKey().volunteerId(),
                change.getKey().stationId(), change.getKey().month(), change.getValue().stationName,
                change.getValue().district, change.getValue().minutes, change.getValue().services));
        jdbc.update("""
                INSERT INTO rm_volunteer_hours_stats (volunteer_id, station_id, month, volunteer_name,
                    volunteer_number, station_name, district, minutes, services)
                SELECT d.volunteer_id, d.station_id, d.month, v.name, v.volunteer_number, d.station_name,
                       d.district, d.minutes, d.services
                FROM (VALUES""" + " " + Sql.valueRows(changes.size(), "(?, ?, ?, ?, ?, ?::bigint, ?::bigint)") + """
                ) AS d (volunteer_id, station_id, month, station_name, district, minutes, services)
                LEFT JOIN rm_volunteer v ON v.volunteer_id = d.volunteer_id
                ORDER BY d.volunteer_id, d.station_id, d.month
                ON CONFLICT (volunteer_id, station_id, month) DO UPDATE SET
                    minutes = rm_volunteer_hours_stats.minutes + EXCLUDED.minutes,
                    services = rm_volunteer_hours_stats.services + EXCLUDED.services""", arguments.toArray());
        List<Object> keys = new ArrayList<>(changes.size() * 3);
        changes.forEach(change -> Collections.addAll(keys, change.getKey().volunteerId(),
                change.getKey().stationId(), change.getKey().month()));
        jdbc.update("DELETE FROM rm_volunteer_hours_stats WHERE services <= 0"
                + " AND (volunteer_id, station_id, month) IN (" + Sql.valueRows(changes.size(), "(?, ?, ?)") + ")",
                keys.toArray());
    }

    /**
     * Computes a volunteer's totals and counters from every entry that stands: when the volunteer is registered,
     * after services and hours may already have named them.
     */
    void refresh(String volunteerId) {
        jdbc.update("""
                UPDATE rm_volunteer v SET minutes = t.minutes, services = t.services
                FROM (SELECT coalesce(sum(minutes), 0) AS minutes, count(DISTINCT service_record_id) AS services
                      FROM rm_volunteer_hours WHERE volunteer_id = ? AND NOT voided) t
                WHERE v.volunteer_id = ?""", volunteerId, volunteerId);
        jdbc.update("DELETE FROM rm_volunteer_hours_stats WHERE volunteer_id = ?", volunteerId);
        jdbc.update("""
                INSERT INTO rm_volunteer_hours_stats (volunteer_id, station_id, month, volunteer_name,
                    volunteer_number, station_name, district, minutes, services)
                SELECT h.volunteer_id, h.station_id, h.month, v.name, v.volunteer_number, max(h.station_name),
                       max(h.district), sum(h.minutes), count(DISTINCT h.service_record_id)
                FROM rm_volunteer_hours h LEFT JOIN rm_volunteer v ON v.volunteer_id = h.volunteer_id
                WHERE h.volunteer_id = ? AND NOT h.voided
                GROUP BY h.volunteer_id, h.station_id, h.month, v.name, v.volunteer_number""", volunteerId);
    }
}
