package org.familystation.query.asof;

import org.familystation.events.common.StationPoint;
import org.familystation.query.servicerecord.ServiceFigures;
import org.familystation.query.servicerecord.ServiceRecordFold;
import org.familystation.query.servicerecord.ServiceRecordState;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The service records a snapshot holds, and what they count for pre-summed ({@link ServiceFigures#of}) by station,
 * district, station point, project and delivery month: an answer from the snapshot adds up these tallies (some
 * thousands) instead of counting every record again. Only the month that holds an answer's date (in business time)
 * is counted record by record, since a delivery that month may fall either side of it; so the standing records are
 * also kept by month. The records themselves stay for the events after the snapshot that correct or void one of
 * them: its old figures are taken away and its new ones added. Immutable, built once when a snapshot is taken or
 * read.
 */
final class ServiceTallies {

    static final ServiceTallies NONE = new ServiceTallies(Map.of(), Map.of(), Map.of());

    /** What a tally is kept under: every way an answer breaks the services down, and the delivery month. */
    record Key(String stationId, String district, StationPoint stationPoint, String projectCode, String projectName,
               String month) {

        /** The key a standing record counts under. */
        static Key of(ServiceRecordState record, ZoneId zone) {
            return new Key(record.stationId(), record.district(), record.details().stationPoint(),
                    record.details().projectCode(), record.details().projectName(),
                    ServiceFigures.month(record.details(), zone));
        }
    }

    private final Map<String, ServiceRecordState> records;
    private final Map<Key, ServiceFigures> figures;
    private final Map<String, List<ServiceRecordState>> standingByMonth;

    private ServiceTallies(Map<String, ServiceRecordState> records, Map<Key, ServiceFigures> figures,
                           Map<String, List<ServiceRecordState>> standingByMonth) {
        this.records = records;
        this.figures = figures;
        this.standingByMonth = standingByMonth;
    }

    /** The tallies of {@code records} (as the fold keeps them), months in {@code zone}. */
    static ServiceTallies of(Collection<ServiceRecordState> records, ZoneId zone) {
        Map<String, ServiceRecordState> byId = new HashMap<>(records.size() * 4 / 3 + 1);
        Map<Key, ServiceFigures> figures = new HashMap<>();
        Map<String, List<ServiceRecordState>> byMonth = new HashMap<>();
        for (ServiceRecordState record : records) {
            byId.put(record.serviceRecordId(), record);
            if (ServiceRecordFold.stands(record)) {
                Key key = Key.of(record, zone);
                figures.merge(key, ServiceFigures.of(record), (a, b) -> a.plus(b, 1));
                byMonth.computeIfAbsent(key.month(), month -> new ArrayList<>()).add(record);
            }
        }
        byMonth.replaceAll((month, list) -> Collections.unmodifiableList(list));
        return new ServiceTallies(Collections.unmodifiableMap(byId), Collections.unmodifiableMap(figures),
                Collections.unmodifiableMap(byMonth));
    }

    /** Every record, standing or voided. */
    Collection<ServiceRecordState> records() {
        return records.values();
    }

    /** The record as the snapshot holds it; null if none. */
    ServiceRecordState record(String serviceRecordId) {
        return records.get(serviceRecordId);
    }

    /** The tallies of the standing records. */
    Map<Key, ServiceFigures> figures() {
        return figures;
    }

    /** The standing records delivered in {@code month} ({@code yyyy-MM}). */
    List<ServiceRecordState> standingIn(String month) {
        return standingByMonth.getOrDefault(month, List.of());
    }

    int size() {
        return records.size();
    }
}
