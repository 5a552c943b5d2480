package org.familystation.command.people;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the whole minutes a volunteer spent helping to deliver a recorded service (once per service). */
public record RecordVolunteerHours(
        @TargetAggregateIdentifier String volunteerId,
        String serviceRecordId,
        Integer minutes) {
}
