package org.familystation.command.servicerecord;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.familystation.command.common.Changes;
import org.familystation.command.station.StationRegistry.StationFacts;
import org.familystation.events.common.Provider;
import org.familystation.events.common.ServiceDetails;
import org.familystation.events.servicerecord.ServiceRecordCorrected;
import org.familystation.events.servicerecord.ServiceRecordVoided;
import org.familystation.events.servicerecord.ServiceRecorded;
import org.familystation.platform.error.DomainException;

import java.time.Clock;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One delivered service. Its own aggregate, so that recording a service never loads a station's long history:
 * the station and provider facts it needs come from the command side's registries.
 */
@Aggregate
public class ServiceRecord {

    @AggregateIdentifier
    private String serviceRecordId;
    private String stationId;
    private ServiceDetails details;
    private boolean voided;

    protected ServiceRecord() {
        // for Axon
    }

    @CommandHandler
    public ServiceRecord(RecordService command, ServiceRecordingPolicy policy, Clock clock) {
        StationFacts station = policy.station(command.stationId());
        ServiceDetails details = policy.details(station, command.service(), null);
        apply(new ServiceRecorded(command.serviceRecordId(), station.stationId(), station.stationName(),
                station.district(), details, clock.instant()));
    }

    @CommandHandler
    void handle(CorrectServiceRecord command, ServiceRecordingPolicy policy, Clock clock) {
        refuseIfVoided();
        ServiceDetails corrected = policy.details(policy.station(stationId), merge(command.changes()), details);
        List<String> changed = Changes.changedFields(details, corrected);
        if (changed.isEmpty()) {
            throw DomainException.refuse(ServiceRecordRefusals.CORRECTION_CHANGES_NOTHING);
        }
        apply(new ServiceRecordCorrected(serviceRecordId, stationId, corrected, changed, command.reason().text(),
                clock.instant()));
    }

    @CommandHandler
    void handle(VoidServiceRecord command, Clock clock) {
        refuseIfVoided();
        apply(new ServiceRecordVoided(serviceRecordId, stationId, command.reason().text(), clock.instant()));
    }

    @EventSourcingHandler
    void on(ServiceRecorded event) {
        serviceRecordId = event.serviceRecordId();
        stationId = event.stationId();
        details = event.details();
    }

    @EventSourcingHandler
    void on(ServiceRecordCorrected event) {
        details = event.corrected();
    }

    @EventSourcingHandler
    void on(ServiceRecordVoided event) {
        voided = true;
    }

    private void refuseIfVoided() {
        if (voided) {
            throw DomainException.refuse(ServiceRecordRefusals.SERVICE_RECORD_VOIDED);
        }
    }

    /** The recorded service with the fields a correction gives put in place of the recorded ones. */
    private ServiceEntry merge(ServiceEntry changes) {
        ServiceEntry given = changes != null ? changes : ServiceEntry.NO_CHANGES;
        Provider provider = details.provider();
        boolean providerChanged = given.providerKind() != null || given.providerMemberId() != null;
        Integer satisfaction = details.satisfaction();
        return new ServiceEntry(
                or(given.stationPoint(), details.stationPoint()),
                or(given.projectCode(), details.projectCode()),
                providerChanged ? or(given.providerKind(), provider.kind()) : provider.kind(),
                providerChanged ? given.providerMemberId() : provider.memberId(),
                or(given.socialWorkerIds(), provider.socialWorkerIds()),
                or(given.staffIds(), provider.staffIds()),
                or(given.volunteers(), provider.volunteers()),
                or(given.deliveredAt(), details.deliveredAt()),
                or(given.participantCount(), new ParticipantCount(details.participantCount())),
                or(given.description(), details.description()),
                or(given.outcome(), details.outcome()),
                or(given.satisfaction(), satisfaction == null ? null : new Satisfaction(satisfaction)),
                or(given.feedback(), details.feedback()));
    }

    private static <T> T or(T given, T recorded) {
        return given != null ? given : recorded;
    }
}
