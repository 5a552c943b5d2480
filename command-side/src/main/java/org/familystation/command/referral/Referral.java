package org.familystation.command.referral;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.familystation.command.referral.ReferralCategoryCatalogue.ReferralCategory;
import org.familystation.command.station.StationRegistry;
import org.familystation.command.station.StationRegistry.StationFacts;
import org.familystation.events.common.CityCentre;
import org.familystation.events.referral.CaseReferred;
import org.familystation.events.referral.ReferralAccepted;
import org.familystation.events.referral.ReferralAcceptanceOverdue;
import org.familystation.events.referral.ReferralClosed;
import org.familystation.events.referral.ReferralDeclined;
import org.familystation.events.referral.ReferralResolved;
import org.familystation.events.referral.ReferralWithdrawn;
import org.familystation.events.referral.ReferralWorkStarted;
import org.familystation.platform.error.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.familystation.command.common.CommonRefusals.STATION_UNKNOWN;
import static org.familystation.command.referral.ReferralRefusals.*;

/**
 * A case referred by a station to a city centre, worked by the centre to an outcome (a closed loop):
 * referred → accepted | declined; accepted → in progress → resolved → closed; withdrawn by the station at any
 * point before it is resolved. The station refers and withdraws; the centre it was referred to answers and works
 * it (who may act on which referral is decided by the scope check). A referral neither accepted nor otherwise
 * answered within the acceptance limit is flagged as overdue.
 */
@Aggregate
public class Referral {

    static final String ACCEPTANCE_DEADLINE = "referral-acceptance";

    private static final Set<ReferralStatus> WITHDRAWABLE = EnumSet.of(ReferralStatus.REFERRED,
            ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS);

    @AggregateIdentifier
    private String referralId;
    private String stationId;
    private CityCentre centre;
    private ReferralStatus status;
    private Instant acceptanceDueBy;
    private boolean flaggedOverdue;

    protected Referral() {
        // for Axon
    }

    /**
     * Refers the case and sets the acceptance deadline. The deadline is not cancelled when the centre answers:
     * cancelling makes the persistent scheduler read every deadline it holds, and the deadline handler ignores a
     * referral that was answered in time.
     */
    @CommandHandler
    public Referral(ReferCase command, StationRegistry stations, ReferralCategoryCatalogue categories,
                    ReferralProperties properties, DeadlineManager deadlines, Clock clock) {
        StationFacts station = stations.find(command.stationId())
                .orElseThrow(() -> DomainException.refuse(STATION_UNKNOWN, command.stationId()));
        if (!station.open()) {
            throw DomainException.refuse(STATION_NOT_OPEN);
        }
        CityCentre centre = command.centre();
        ReferralCategory category = category(categories, centre, command.category());
        Instant now = clock.instant();
        Instant due = now.plus(properties.getAcceptanceLimit());
        apply(new CaseReferred(command.referralId(), station.stationId(), station.stationName(), station.district(),
                centre, category.code(), category.name(), command.summary(), command.consentMethod(), now, due));
        // After apply: a deadline belongs to the aggregate, which exists only once its first event is applied.
        deadlines.schedule(due, ACCEPTANCE_DEADLINE);
    }

    @CommandHandler
    void handle(AcceptReferral command, Clock clock) {
        refuseUnlessAwaitingAcceptance();
        apply(new ReferralAccepted(referralId, stationId, centre, clock.instant()));
    }

    @CommandHandler
    void handle(DeclineReferral command, Clock clock) {
        refuseUnlessAwaitingAcceptance();
        apply(new ReferralDeclined(referralId, stationId, centre, command.reason().text(), clock.instant()));
    }

    @CommandHandler
    void handle(StartReferralWork command, Clock clock) {
        if (status != ReferralStatus.ACCEPTED) {
            throw DomainException.refuse(REFERRAL_NOT_ACCEPTED, status);
        }
        apply(new ReferralWorkStarted(referralId, stationId, centre, clock.instant()));
    }

    @CommandHandler
    void handle(ResolveReferral command, Clock clock) {
        if (status != ReferralStatus.IN_PROGRESS) {
            throw DomainException.refuse(REFERRAL_NOT_IN_PROGRESS, status);
        }
        apply(new ReferralResolved(referralId, stationId, centre, command.outcome(), clock.instant()));
    }

    @CommandHandler
    void handle(CloseReferral command, Clock clock) {
        if (status != ReferralStatus.RESOLVED) {
            throw DomainException.refuse(REFERRAL_NOT_RESOLVED, status);
        }
        apply(new ReferralClosed(referralId, stationId, centre, clock.instant()));
    }

    @CommandHandler
    void handle(WithdrawReferral command, Clock clock) {
        if (!WITHDRAWABLE.contains(status)) {
            throw DomainException.refuse(REFERRAL_NOT_WITHDRAWABLE, status);
        }
        apply(new ReferralWithdrawn(referralId, stationId, centre, command.reason().text(), clock.instant()));
    }

    /** Flags the referral if it is still waiting for the centre; a deadline run twice flags it once. */
    @DeadlineHandler(deadlineName = ACCEPTANCE_DEADLINE)
    void acceptanceDeadlinePassed() {
        if (status == ReferralStatus.REFERRED && !flaggedOverdue) {
            apply(new ReferralAcceptanceOverdue(referralId, stationId, centre, acceptanceDueBy));
        }
    }

    @EventSourcingHandler
    void on(CaseReferred event) {
        referralId = event.referralId();
        stationId = event.stationId();
        centre = event.centre();
        acceptanceDueBy = event.acceptanceDueBy();
        status = ReferralStatus.REFERRED;
    }

    @EventSourcingHandler
    void on(ReferralAccepted event) {
        status = ReferralStatus.ACCEPTED;
    }

    @EventSourcingHandler
    void on(ReferralDeclined event) {
        status = ReferralStatus.DECLINED;
    }

    @EventSourcingHandler
    void on(ReferralWorkStarted event) {
        status = ReferralStatus.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(ReferralResolved event) {
        status = ReferralStatus.RESOLVED;
    }

    @EventSourcingHandler
    void on(ReferralClosed event) {
        status = ReferralStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(ReferralWithdrawn event) {
        status = ReferralStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(ReferralAcceptanceOverdue event) {
        flaggedOverdue = true;
    }

    private static ReferralCategory category(ReferralCategoryCatalogue categories, CityCentre centre, String code) {
        return categories.find(centre, code).orElseThrow(() -> categories.findAnywhere(code)
                .map(elsewhere -> DomainException.refuseField(CATEGORY_NOT_OFFERED_BY_CENTRE, "category",
                        elsewhere.name(), elsewhere.centre().label(), centre.label()))
                .orElseGet(() -> DomainException.refuseField(CATEGORY_UNKNOWN, "category", code)));
    }

    private void refuseUnlessAwaitingAcceptance() {
        if (status != ReferralStatus.REFERRED) {
            throw DomainException.refuse(REFERRAL_NOT_AWAITING_ACCEPTANCE, status);
        }
    }
}
