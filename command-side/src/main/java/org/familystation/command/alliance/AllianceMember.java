package org.familystation.command.alliance;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.familystation.command.snapshot.SnapshotConfiguration;
import org.familystation.events.alliance.AllianceApplicationApproved;
import org.familystation.events.alliance.AllianceApplicationRejected;
import org.familystation.events.alliance.AllianceConventionSigned;
import org.familystation.events.alliance.AllianceMemberAdmitted;
import org.familystation.events.alliance.AllianceMemberExpelled;
import org.familystation.events.alliance.AllianceMemberReinstated;
import org.familystation.events.alliance.AllianceMemberSuspended;
import org.familystation.events.alliance.AllianceMemberWithdrew;
import org.familystation.events.alliance.AllianceMembershipApplied;
import org.familystation.events.common.Alliance;
import org.familystation.events.common.UnifiedSocialCreditCode;
import org.familystation.platform.error.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An organisation's membership of a brand alliance: applied → reviewed (rejected | approved) → convention
 * signed → admitted → suspended ⇄ reinstated → expelled | withdrawn. Admission and reinstatement both require the
 * alliance's current convention to be signed: a member suspended for not signing a new version signs it, then is
 * reinstated; a member suspended for another reason while a new version came out signs that one too.
 */
@Aggregate(snapshotTriggerDefinition = SnapshotConfiguration.TRIGGER)
@Revision("2")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class AllianceMember {

    /** The reason of a suspension for not signing a new convention version within its grace period. */
    static final String CONVENTION_NOT_SIGNED_IN_TIME = "未在宽限期内签署新版联盟公约";

    private static final Set<MembershipStatus> IN_ALLIANCE = EnumSet.of(MembershipStatus.ADMITTED,
            MembershipStatus.SUSPENDED);
    private static final Set<MembershipStatus> ENDED = EnumSet.of(MembershipStatus.EXPELLED,
            MembershipStatus.WITHDRAWN);

    @AggregateIdentifier
    private String memberId;
    private Alliance alliance;
    private String organisationName;
    private UnifiedSocialCreditCode creditCode;
    private MembershipStatus status;
    private final Set<String> signedConventionVersions = new HashSet<>();
    /**
     * Business time of the latest change (application, review, signature, admission, …): a membership's history is
     * entered in the order it happened, so no review or admission precedes the application.
     */
    private Instant lastChangeAt;

    protected AllianceMember() {
        // for Axon
    }

    /** Read at the edge ({@link ApplyForAllianceMembership#read}); what is left is whether the alliance takes it. */
    @CommandHandler
    public AllianceMember(ApplyForAllianceMembership command, MemberRegistry members, Clock clock) {
        Alliance alliance = command.alliance();
        String code = command.creditCode().value();
        if (members.hasLiveMembership(alliance, code)) {
            throw DomainException.refuse(AllianceRefusals.CREDIT_CODE_ALREADY_IN_ALLIANCE, code);
        }
        members.reapplicationBannedUntil(alliance, code, clock.instant()).ifPresent(until -> {
            throw DomainException.refuse(AllianceRefusals.CREDIT_CODE_BANNED_AFTER_EXPULSION, code, until);
        });
        apply(new AllianceMembershipApplied(command.memberId(), alliance, command.organisationName(),
                command.organisationType(), command.creditCode(), command.contactPerson(), command.contactPhone(),
                command.appliedAt()));
    }

    @CommandHandler
    void handle(ReviewAllianceApplication command) {
        if (status != MembershipStatus.APPLIED) {
            throw DomainException.refuse(AllianceRefusals.APPLICATION_NOT_AWAITING_REVIEW, status);
        }
        Instant reviewedAt = inOrder(command.reviewedAt(), "reviewedAt");
        if (command.decision() == ReviewAllianceApplication.Decision.REJECT) {
            apply(new AllianceApplicationRejected(memberId, alliance, command.notes(), reviewedAt));
        } else {
            apply(new AllianceApplicationApproved(memberId, alliance, command.notes(), reviewedAt));
        }
    }

    @CommandHandler
    void handle(SignAllianceConvention command, ConventionRegistry conventions) {
        if (status != MembershipStatus.APPROVED && !IN_ALLIANCE.contains(status)) {
            throw DomainException.refuse(AllianceRefusals.MEMBER_NOT_APPROVED, status);
        }
        String version = command.conventionVersion();
        if (!conventions.isPublished(alliance, version)) {
            throw DomainException.refuseField(AllianceRefusals.CONVENTION_VERSION_UNKNOWN, "conventionVersion",
                    version);
        }
        apply(new AllianceConventionSigned(memberId, alliance, version, command.signatory(),
                inOrder(command.signedAt(), "signedAt")));
    }

    @CommandHandler
    void handle(AdmitAllianceMember command, ConventionRegistry conventions) {
        if (status == MembershipStatus.ADMITTED) {
            throw DomainException.refuse(AllianceRefusals.MEMBER_ALREADY_ADMITTED);
        }
        if (status != MembershipStatus.APPROVED) {
            throw DomainException.refuse(AllianceRefusals.MEMBER_NOT_APPROVED, status);
        }
        String current = requireCurrentConventionSigned(conventions);
        apply(new AllianceMemberAdmitted(memberId, alliance, organisationName, creditCode, current,
                inOrder(command.admittedAt(), "admittedAt")));
    }

    @CommandHandler
    void handle(SuspendAllianceMember command) {
        String reason = command.reason().text();
        refuseIfEnded();
        if (status == MembershipStatus.SUSPENDED) {
            throw DomainException.refuse(AllianceRefusals.MEMBER_ALREADY_SUSPENDED);
        }
        if (status != MembershipStatus.ADMITTED) {
            throw DomainException.refuse(AllianceRefusals.MEMBER_NOT_ADMITTED, status);
        }
        apply(new AllianceMemberSuspended(memberId, alliance, organisationName, reason, null,
                inOrder(command.effectiveAt(), "effectiveAt")));
    }

    /** Not a refusal when there is nothing to enforce: the deadline is a timer, and this member decides. */
    @CommandHandler
    void handle(EnforceConventionSignature command, ConventionRegistry conventions, Clock clock) {
        String version = command.conventionVersion();
        boolean stillCurrent = conventions.currentVersion(alliance).filter(version::equals).isPresent();
        if (status == MembershipStatus.ADMITTED && stillCurrent && !signedConventionVersions.contains(version)) {
            apply(new AllianceMemberSuspended(memberId, alliance, organisationName, CONVENTION_NOT_SIGNED_IN_TIME,
                    version, clock.instant()));
        }
    }

    @CommandHandler
    void handle(ReinstateAllianceMember command, ConventionRegistry conventions) {
        String reason = command.reason().text();
        refuseIfEnded();
        if (status != MembershipStatus.SUSPENDED) {
            throw DomainException.refuse(AllianceRefusals.MEMBER_NOT_SUSPENDED, status);
        }
        String current = requireCurrentConventionSigned(conventions);
        apply(new AllianceMemberReinstated(memberId, alliance, organisationName, reason, current,
                inOrder(command.effectiveAt(), "effectiveAt")));
    }

    @CommandHandler
    void handle(ExpelAllianceMember command, AllianceProperties properties) {
        String reason = command.reason().text();
        refuseIfNotInAlliance();
        Instant expelledAt = inOrder(command.effectiveAt(), "effectiveAt");
        apply(new AllianceMemberExpelled(memberId, alliance, organisationName, creditCode, reason, expelledAt,
                expelledAt.plus(properties.getExpulsionBan())));
    }

    @CommandHandler
    void handle(WithdrawFromAlliance command) {
        String reason = command.reason().text();
        refuseIfNotInAlliance();
        apply(new AllianceMemberWithdrew(memberId, alliance, organisationName, reason,
                inOrder(command.effectiveAt(), "effectiveAt")));
    }

    /** A change's business time (not in the future, read at the edge): not before the membership's latest change. */
    private Instant inOrder(Instant at, String field) {
        if (lastChangeAt != null && at.isBefore(lastChangeAt)) {
            throw DomainException.refuseField(AllianceRefusals.MEMBERSHIP_CHANGE_OUT_OF_ORDER, field, at,
                    lastChangeAt);
        }
        return at;
    }

    private void refuseIfEnded() {
        if (ENDED.contains(status)) {
            throw DomainException.refuse(AllianceRefusals.MEMBERSHIP_ENDED, status);
        }
    }

    private void refuseIfNotInAlliance() {
        refuseIfEnded();
        if (!IN_ALLIANCE.contains(status)) {
            throw DomainException.refuse(AllianceRefusals.MEMBER_NOT_ADMITTED, status);
        }
    }

    /** The current convention version, which this organisation must have signed. */
    private String requireCurrentConventionSigned(ConventionRegistry conventions) {
        String current = conventions.currentVersion(alliance).orElse(null);
        if (current == null || !signedConventionVersions.contains(current)) {
            throw DomainException.refuse(AllianceRefusals.CONVENTION_NOT_SIGNED, current);
        }
        return current;
    }

    @EventSourcingHandler
    void on(AllianceMembershipApplied event) {
        memberId = event.memberId();
        alliance = event.alliance();
        organisationName = event.organisationName();
        creditCode = event.creditCode();
        status = MembershipStatus.APPLIED;
        lastChangeAt = event.appliedAt();
    }

    @EventSourcingHandler
    void on(AllianceApplicationApproved event) {
        status = MembershipStatus.APPROVED;
        lastChangeAt = event.reviewedAt();
    }

    @EventSourcingHandler
    void on(AllianceApplicationRejected event) {
        status = MembershipStatus.REJECTED;
        lastChangeAt = event.reviewedAt();
    }

    @EventSourcingHandler
    void on(AllianceConventionSigned event) {
        signedConventionVersions.add(event.conventionVersion());
        lastChangeAt = latest(event.signedAt());
    }

    @EventSourcingHandler
    void on(AllianceMemberAdmitted event) {
        status = MembershipStatus.ADMITTED;
        lastChangeAt = latest(event.admittedAt());
    }

    @EventSourcingHandler
    void on(AllianceMemberSuspended event) {
        status = MembershipStatus.SUSPENDED;
        lastChangeAt = latest(event.suspendedAt());
    }

    @EventSourcingHandler
    void on(AllianceMemberReinstated event) {
        status = MembershipStatus.ADMITTED;
        lastChangeAt = latest(event.reinstatedAt());
    }

    @EventSourcingHandler
    void on(AllianceMemberExpelled event) {
        status = MembershipStatus.EXPELLED;
        lastChangeAt = latest(event.expelledAt());
    }

    @EventSourcingHandler
    void on(AllianceMemberWithdrew event) {
        status = MembershipStatus.WITHDRAWN;
        lastChangeAt = latest(event.withdrawnAt());
    }

    /**
     * The later of the latest change and {@code at}: a suspension for a missed signature deadline is dated by the
     * system's clock, and may fall before a signature dated in the past that was entered later.
     */
    private Instant latest(Instant at) {
        return lastChangeAt == null || at.isAfter(lastChangeAt) ? at : lastChangeAt;
    }
}
