package org.familystation.events.people;

/**
 * Everything that can happen to a professional social worker (社工): recruited by the operations headquarters,
 * then assigned to one station at a time and released from it.
 */
public sealed interface SocialWorkerEvent permits SocialWorkerRecruited, SocialWorkerAssigned, SocialWorkerReleased {

    String socialWorkerId();
}
