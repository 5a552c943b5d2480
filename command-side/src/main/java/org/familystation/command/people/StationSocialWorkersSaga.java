package org.familystation.command.people;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.familystation.events.people.SocialWorkerAssigned;
import org.familystation.events.people.SocialWorkerReleased;
import org.familystation.events.station.StationClosed;
import org.familystation.events.station.StationSuspended;

import java.util.ArrayList;
import java.util.List;

/**
 * The social workers assigned to a station: suspending or closing the station releases every one of them, with a
 * reason that names the station's (the release commands carry the station event's correlation, so the history
 * links each release to the suspension or closing that caused it). Its fields are stored as JSON.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class StationSocialWorkersSaga {

    static final String STATION_ID = "stationId";

    private final List<String> assigned = new ArrayList<>();

    @StartSaga
    @SagaEventHandler(associationProperty = STATION_ID)
    void on(SocialWorkerAssigned event) {
        if (!assigned.contains(event.socialWorkerId())) {
            assigned.add(event.socialWorkerId());
        }
    }

    @SagaEventHandler(associationProperty = STATION_ID)
    void on(SocialWorkerReleased event) {
        assigned.remove(event.socialWorkerId());
        if (assigned.isEmpty()) {
            SagaLifecycle.end();
        }
    }

    @SagaEventHandler(associationProperty = STATION_ID)
    void on(StationSuspended event, CommandGateway commands) {
        releaseAll("驿站暂停服务：" + event.reason(), commands);
    }

    @SagaEventHandler(associationProperty = STATION_ID)
    void on(StationClosed event, CommandGateway commands) {
        releaseAll("驿站关闭：" + event.reason(), commands);
    }

    private void releaseAll(String reason, CommandGateway commands) {
        assigned.forEach(socialWorkerId -> commands.send(new ReleaseSocialWorker(socialWorkerId, reason)));
        SagaLifecycle.end();
    }
}
