package org.familystation.events.common;

/**
 * Who delivered a service. {@code memberId} is set only for {@link ProviderKind#ALLIANCE_MEMBER}; {@code name} is
 * the provider's name at the time of the service (the member's organisation name, or the people's names).
 */
public record Provider(ProviderKind kind, String memberId, String name) {
}
