package org.familystation.command.people;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.familystation.command.network.UnitRegistry;
import org.familystation.command.network.UnitRegistry.UnitFacts;
import org.familystation.command.servicerecord.ServiceRecordRegistry;
import org.familystation.command.servicerecord.ServiceRecordRegistry.ServiceRecordFacts;
import org.familystation.command.snapshot.SnapshotConfiguration;
import org.familystation.events.people.VolunteerHoursRecorded;
import org.familystation.events.people.VolunteerRegistered;
import org.familystation.events.personaldata.DataSubject;
import org.familystation.events.personaldata.DataSubjectKind;
import org.familystation.events.personaldata.PersonalData;
import org.familystation.platform.error.DomainException;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.familystation.command.people.PeopleRefusals.*;

/**
 * A volunteer (巾帼志愿者), registered under a volunteer number unique across the city, with the time they helped
 * deliver recorded services: once per service, in whole minutes.
 */
@Aggregate(snapshotTriggerDefinition = SnapshotConfiguration.TRIGGER)
@Revision("1")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Volunteer {

    /** The subject of the name this state holds: sealed in snapshots as in events. */
    @AggregateIdentifier
    @DataSubject(DataSubjectKind.VOLUNTEER)
    private String volunteerId;
    @PersonalData
    private String name;
    private String volunteerNumber;
    private Set<String> servicesHelped;

    protected Volunteer() {
        // for Axon
    }

    @CommandHandler
    public Volunteer(RegisterVolunteer command, VolunteerRegistry volunteers, UnitRegistry units, Clock clock) {
        String number = command.volunteerNumber().value();
        UnitFacts home = null;
        if (command.homeUnitId() != null) {
            home = units.find(command.homeUnitId().strip()).orElseThrow(() ->
                    DomainException.refuseField(UNIT_UNKNOWN, "homeUnitId", command.homeUnitId()));
        }
        if (volunteers.numberTaken(number)) {
            throw DomainException.refuseField(VOLUNTEER_NUMBER_TAKEN, "volunteerNumber", number);
        }
        apply(new VolunteerRegistered(command.volunteerId(), command.name().value(), number,
                Phone.valueOf(command.phone()), home == null ? null : home.unitId(),
                home == null ? null : home.name(), home == null ? null : home.district(), clock.instant()));
    }

    @CommandHandler
    void handle(RecordVolunteerHours command, ServiceRecordRegistry records, Clock clock) {
        int minutes = command.minutes().value();
        String recordId = command.serviceRecordId();
        ServiceRecordFacts record = records.find(recordId == null ? "" : recordId)
                .orElseThrow(() -> DomainException.refuseField(SERVICE_RECORD_UNKNOWN, "serviceRecordId", recordId));
        if (record.voided()) {
            throw DomainException.refuseField(SERVICE_RECORD_VOIDED, "serviceRecordId");
        }
        if (servicesHelped.contains(record.serviceRecordId())) {
            throw DomainException.refuseField(HOURS_ALREADY_RECORDED, "serviceRecordId");
        }
        apply(new VolunteerHoursRecorded(volunteerId, name, volunteerNumber, record.serviceRecordId(),
                record.stationId(), record.stationName(), record.district(), record.projectCode(),
                record.projectName(), record.deliveredAt(), minutes, clock.instant()));
    }

    @EventSourcingHandler
    void on(VolunteerRegistered event) {
        volunteerId = event.volunteerId();
        name = event.name();
        volunteerNumber = event.volunteerNumber();
        servicesHelped = new HashSet<>();
    }

    @EventSourcingHandler
    void on(VolunteerHoursRecorded event) {
        servicesHelped.add(event.serviceRecordId());
    }
}
