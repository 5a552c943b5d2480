package org.familystation.command.people;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

import java.util.Objects;

/** Record the whole minutes a volunteer spent helping to deliver a recorded service (once per service). */
public record RecordVolunteerHours(
        @TargetAggregateIdentifier String volunteerId,
        String serviceRecordId,
        MinutesHelped minutes) implements ScopedCommand {

    public RecordVolunteerHours {
        Objects.requireNonNull(minutes, "minutes");
    }

    @Override
    public Place actsAt() {
        return new Place.ServiceRecord(serviceRecordId,
                Place.refusedField(PeopleRefusals.SERVICE_RECORD_UNKNOWN, "serviceRecordId", serviceRecordId));
    }
}
