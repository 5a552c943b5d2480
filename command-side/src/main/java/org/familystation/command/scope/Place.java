package org.familystation.command.scope;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.error.Refusal;

import java.util.function.Supplier;

/**
 * Where a command acts, as the command names it: the whole network, a unit, or a thing that belongs to a unit (a
 * station, a service record, …). {@link ScopeCheck} resolves it to a unit and compares that with the caller's reach.
 *
 * <p>Each place but the network carries what the command answers when the thing it names does not exist: a caller
 * who may not reach the thing gets exactly that answer, so an answer never tells that something exists out of reach.
 */
public sealed interface Place {

    /** Network-wide: alliances, members, conventions, offerings, catalogues, funds, units above home level. */
    static Place network() {
        return Network.INSTANCE;
    }

    /** What a command answers for an aggregate id that does not exist (Axon's own refusal, a 404). */
    static Supplier<RuntimeException> noAggregate(String id) {
        return () -> new AggregateNotFoundException(id, "No aggregate with id " + id);
    }

    /** What a command answers with this refusal about the id it names. */
    static Supplier<RuntimeException> refused(Refusal refusal, String id) {
        return () -> DomainException.refuse(refusal, id);
    }

    /** What a command answers with this refusal about the id in this field of its request. */
    static Supplier<RuntimeException> refusedField(Refusal refusal, String field, String id) {
        return () -> DomainException.refuseField(refusal, field, id);
    }

    /**
     * The caller's own account (changing one's own password): anyone with access may act there; that the account is
     * the caller's follows from the session it is sent from, and the command needs the current password.
     */
    static Place ownAccount() {
        return OwnAccount.INSTANCE;
    }

    enum Network implements Place {
        INSTANCE
    }

    enum OwnAccount implements Place {
        INSTANCE
    }

    /** Something at a known place: its answer when it does not exist. */
    sealed interface Thing extends Place {
        Supplier<RuntimeException> unknown();
    }

    /** An organisation unit itself (a home, a branch, the parent under which a unit is established). */
    record Unit(String unitId, Supplier<RuntimeException> unknown) implements Thing {
    }

    /** A station: its community home. */
    record Station(String stationId, Supplier<RuntimeException> unknown) implements Thing {
    }

    /** A service record: its station's home. */
    record ServiceRecord(String serviceRecordId, Supplier<RuntimeException> unknown) implements Thing {
    }

    /** A needs survey: its community home. */
    record NeedsSurvey(String surveyId, Supplier<RuntimeException> unknown) implements Thing {
    }

    /**
     * A referral: its station's home, and the centre it is addressed to. Centre staff act only on the referrals to
     * their centre; what the centre does ({@code byCentre}: accept, decline, work, resolve, close) needs no reach of
     * the station, what the station does (withdraw) does.
     */
    record Referral(String referralId, boolean byCentre, Supplier<RuntimeException> unknown) implements Thing {
    }

    /** An allocation of a fund: its station's home, or the whole network for an allocation to a project. */
    record Allocation(String fundId, String allocationId, Supplier<RuntimeException> unknown) implements Thing {
    }

    /** A social worker: the home of the station they are assigned to, or the whole network when unassigned. */
    record SocialWorker(String socialWorkerId, Supplier<RuntimeException> unknown) implements Thing {
    }
}
