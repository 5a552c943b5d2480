package org.familystation.platform.messaging;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.familystation.platform.security.FamilyStationUser;
import org.familystation.platform.web.CorrelationIdFilter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/** Stamps each command sent from an HTTP request with the user, their unit and the request's correlation id. */
public class RequestMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> metadata = new HashMap<>();
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof FamilyStationUser user) {
                metadata.put(MetadataKeys.USER_ID, user.getUsername());
                metadata.put(MetadataKeys.UNIT_ID, user.unitId());
            } else if (!command.getMetaData().containsKey(MetadataKeys.USER_ID)) {
                metadata.put(MetadataKeys.USER_ID, MetadataKeys.SYSTEM_USER);
            }
            if (!command.getMetaData().containsKey(MetadataKeys.CORRELATION_ID)) {
                String correlationId = CorrelationIdFilter.current();
                metadata.put(MetadataKeys.CORRELATION_ID,
                        correlationId != null ? correlationId : UUID.randomUUID().toString());
            }
            return command.andMetaData(metadata);
        };
    }
}
