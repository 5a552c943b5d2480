package org.familystation.query.servicerecord;

import org.familystation.events.servicerecord.ServiceRecordCorrected;
import org.familystation.events.servicerecord.ServiceRecordEvent;
import org.familystation.events.servicerecord.ServiceRecordVoided;
import org.familystation.events.servicerecord.ServiceRecorded;

/**
 * What each event of a service record does to it: the one statement of these rules, which
 * {@link ServiceRecordProjection} persists and the network as of a date folds in memory. What a record counts for
 * in the figures is {@link ServiceFigures#of}.
 */
public final class ServiceRecordFold {

    private ServiceRecordFold() {
    }

    /**
     * The record after {@code event}. Null {@code record}: not recorded (yet); then only its recording makes one,
     * and every other event leaves it null. A record recorded again is not made again.
     */
    public static ServiceRecordState evolve(ServiceRecordState record, ServiceRecordEvent event) {
        if (event instanceof ServiceRecorded recorded) {
            return record != null ? record : new ServiceRecordState(recorded.serviceRecordId(),
                    recorded.stationId(), recorded.stationName(), recorded.district(), recorded.details(),
                    recorded.recordedAt(), 0, false, null);
        }
        if (record == null) {
            return null;
        }
        if (event instanceof ServiceRecordCorrected corrected) {
            return new ServiceRecordState(record.serviceRecordId(), record.stationId(), record.stationName(),
                    record.district(), corrected.corrected(), record.recordedAt(), record.correctionCount() + 1,
                    record.voided(), record.voidReason());
        } else if (event instanceof ServiceRecordVoided voided) {
            return new ServiceRecordState(record.serviceRecordId(), record.stationId(), record.stationName(),
                    record.district(), record.details(), record.recordedAt(), record.correctionCount(), true,
                    voided.reason());
        }
        return record;
    }

    /** Whether the record stands, and so counts in the figures: recorded and not voided. */
    public static boolean stands(ServiceRecordState record) {
        return record != null && !record.voided();
    }
}
