package org.familystation.command.people;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.familystation.command.common.CommonRefusals;
import org.familystation.command.common.Rules;
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
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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

    private static final int MAX_MINUTES = PeopleRegistry.MAX_VOLUNTEER_MINUTES;
    private static final Pattern NUMBER = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,29}");

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
        String id = Rules.uuid(command.volunteerId(), CommonRefusals.ID_INVALID, "volunteerId");
        String name = PersonRules.name(command.name());
        String number = command.volunteerNumber() == null ? null
                : command.volunteerNumber().strip().toUpperCase(Locale.ROOT);
        if (number == null || !NUMBER.matcher(number).matches()) {
            throw DomainException.refuseField(VOLUNTEER_NUMBER_INVALID, "volunteerNumber", command.volunteerNumber());
        }
        String phone = PersonRules.phone(command.phone());
        UnitFacts home = null;
        if (command.homeUnitId() != null && !command.homeUnitId().isBlank()) {
            home = units.find(command.homeUnitId().strip()).orElseThrow(() ->
                    DomainException.refuseField(UNIT_UNKNOWN, "homeUnitId", command.homeUnitId()));
        }
        if (volunteers.numberTaken(number)) {
            throw DomainException.refuseField(VOLUNTEER_NUMBER_TAKEN, "volunteerNumber", number);
        }
        apply(new VolunteerRegistered(id, name, number, phone, home == null ? null : home.unitId(),
                home == null ? null : home.name(), home == null ? null : home.district(), clock.instant()));
    }

    @CommandHandler
    void handle(RecordVolunteerHours command, ServiceRecordRegistry records, Clock clock) {
        Integer minutes = command.minutes();
        if (minutes == null || minutes < 1 || minutes > MAX_MINUTES) {
            throw DomainException.refuseField(MINUTES_INVALID, "minutes", MAX_MINUTES, minutes);
        }
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
