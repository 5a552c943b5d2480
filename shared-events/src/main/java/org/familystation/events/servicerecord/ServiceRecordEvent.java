package org.familystation.events.servicerecord;

/**
 * Everything that can happen to a service record. Recorded facts are never edited in place: a correction or a
 * voiding is a new fact that points at the record.
 */
public sealed interface ServiceRecordEvent permits ServiceRecorded, ServiceRecordCorrected, ServiceRecordVoided {

    String serviceRecordId();

    String stationId();
}
