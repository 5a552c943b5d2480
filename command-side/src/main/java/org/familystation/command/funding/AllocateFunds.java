package org.familystation.command.funding;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.CommonRefusals;
import org.familystation.command.common.Rules;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;
import org.familystation.platform.error.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import static org.familystation.command.funding.FundingRefusals.TARGET_INVALID;
import static org.familystation.command.funding.FundingRefusals.TEXT_TOO_LONG;

/**
 * Allocate part of a fund (资金分配) to a station or to a service project: exactly one of {@code stationId} and
 * {@code projectCode} (the other null), as read from what was sent by {@link #read}.
 *
 * @param allocatedAt when the allocation was decided (business time)
 */
public record AllocateFunds(
        @TargetAggregateIdentifier String fundId,
        String allocationId,
        String stationId,
        String projectCode,
        Amount amount,
        String note,
        Instant allocatedAt) implements ScopedCommand {

    static final int MAX_NOTE = 1_000;

    public AllocateFunds {
        allocationId = Rules.uuid(allocationId, CommonRefusals.ID_INVALID, "allocationId");
        stationId = stationId == null || stationId.isBlank() ? null : stationId.strip();
        projectCode = projectCode == null || projectCode.isBlank() ? null : projectCode;
        if ((stationId == null) == (projectCode == null)) {
            throw DomainException.refuse(TARGET_INVALID);
        }
        Objects.requireNonNull(amount, "amount");
        note = Rules.optionalText(note, MAX_NOTE, TEXT_TOO_LONG, "note");
        Objects.requireNonNull(allocatedAt, "allocatedAt");
    }

    /**
     * The command from what a client sent.
     *
     * @param allocatedAt when the allocation was decided; now when not given
     */
    public static AllocateFunds read(String fundId, String allocationId, String stationId, String projectCode,
                                     Long amountFen, String note, Instant allocatedAt, Clock clock) {
        return new AllocateFunds(fundId, allocationId, stationId, projectCode, Amount.of(amountFen), note,
                Rules.happenedAt(allocatedAt, clock, "allocatedAt"));
    }

    @Override
    public Place actsAt() {
        // A project's allocation is network-wide.
        return stationId == null ? Place.network() : new Place.Station(stationId,
                Place.refusedField(CommonRefusals.STATION_UNKNOWN, "stationId", stationId));
    }
}
