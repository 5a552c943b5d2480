package org.familystation.events.needs;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A needs survey was declared void (it should not have been recorded), for the reason given. */
@Revision("1")
public record NeedsSurveyVoided(
        String surveyId,
        String communityHomeId,
        String reason,
        Instant voidedAt) implements NeedsSurveyEvent {
}
