package org.familystation.command.account;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.familystation.events.account.SignInLockedOut;
import org.familystation.platform.messaging.MetadataKeys;
import org.familystation.platform.security.LockoutListener;
import org.familystation.platform.web.CorrelationIdFilter;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Records each sign-in lockout in the event store, and so in the audit trail: an event of no aggregate, by the
 * system (nobody signed in), with the correlation id of the request that tipped it.
 */
@Component
public class SignInLockouts implements LockoutListener {

    private final EventGateway events;

    public SignInLockouts(EventGateway events) {
        this.events = events;
    }

    @Override
    public void lockedOut(String subject, String username, String clientAddress, int failures, Instant lockedUntil,
                          Instant lockedAt) {
        String correlationId = CorrelationIdFilter.current();
        events.publish(GenericEventMessage.asEventMessage(
                        new SignInLockedOut(subject, username, clientAddress, failures, lockedUntil, lockedAt))
                .andMetaData(Map.of(MetadataKeys.USER_ID, MetadataKeys.SYSTEM_USER, MetadataKeys.CORRELATION_ID,
                        correlationId != null ? correlationId : UUID.randomUUID().toString())));
    }
}
