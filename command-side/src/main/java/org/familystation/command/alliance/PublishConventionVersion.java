package org.familystation.command.alliance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;

/**
 * An alliance publishes a new version of its convention (发布联盟公约新版本).
 *
 * @param alliance    the alliance (its name is the convention stream's id)
 * @param gracePeriod how long admitted members have to sign it, an ISO-8601 duration such as {@code P30D}
 * @param summary     what changed
 */
public record PublishConventionVersion(
        @TargetAggregateIdentifier String alliance,
        String conventionVersion,
        String gracePeriod,
        String summary) implements ScopedCommand {

    @Override
    public Place actsAt() {
        return Place.network();
    }
}
