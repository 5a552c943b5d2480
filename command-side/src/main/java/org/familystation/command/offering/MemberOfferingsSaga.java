package org.familystation.command.offering;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.familystation.command.sagacommand.SagaCommands;
import org.familystation.events.alliance.AllianceMemberExpelled;
import org.familystation.events.alliance.AllianceMemberSuspended;
import org.familystation.events.alliance.AllianceMemberWithdrew;
import org.familystation.events.offering.OfferingWithdrawn;
import org.familystation.events.offering.ServiceOffered;

import java.util.ArrayList;
import java.util.List;

/**
 * A member's active offerings, across stations: when the member is suspended, expelled or withdraws, every one of
 * them is withdrawn, with the reason. Kept from the events in their order, so an offering made after a
 * reinstatement is never withdrawn for the suspension before it. Its fields are stored as JSON. The withdrawals go
 * through {@link SagaCommands}: retried until done or refused, even across restarts.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class MemberOfferingsSaga {

    static final String MEMBER_ID = "memberId";

    private final List<String> activeOfferings = new ArrayList<>();

    @StartSaga
    @SagaEventHandler(associationProperty = MEMBER_ID)
    void on(ServiceOffered event) {
        activeOfferings.add(event.offeringId());
    }

    @SagaEventHandler(associationProperty = MEMBER_ID)
    void on(OfferingWithdrawn event) {
        activeOfferings.remove(event.offeringId());
        if (activeOfferings.isEmpty()) {
            SagaLifecycle.end();
        }
    }

    @SagaEventHandler(associationProperty = MEMBER_ID)
    void on(AllianceMemberSuspended event, SagaCommands commands) {
        withdrawAll("联盟成员被暂停：" + event.reason(), commands);
    }

    @SagaEventHandler(associationProperty = MEMBER_ID)
    void on(AllianceMemberExpelled event, SagaCommands commands) {
        withdrawAll("联盟成员被开除出盟：" + event.reason(), commands);
    }

    @SagaEventHandler(associationProperty = MEMBER_ID)
    void on(AllianceMemberWithdrew event, SagaCommands commands) {
        withdrawAll("联盟成员已退出联盟：" + event.reason(), commands);
    }

    private void withdrawAll(String reason, SagaCommands commands) {
        // An offering is withdrawn once: its id names the decision, whichever departure caused it.
        activeOfferings.forEach(offeringId -> commands.send("WithdrawOffering:" + offeringId,
                new WithdrawOffering(offeringId, reason)));
        SagaLifecycle.end();
    }
}
