package org.familystation.command.alliance;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.familystation.command.common.CommonRefusals;
import org.familystation.command.common.Rules;
import org.familystation.events.alliance.AllianceApplicationApproved;
import org.familystation.events.alliance.AllianceApplicationRejected;
import org.familystation.events.alliance.AllianceConventionSigned;
import org.familystation.events.alliance.AllianceMemberAdmitted;
import org.familystation.events.alliance.AllianceMembershipApplied;
import org.familystation.events.common.Alliance;
import org.familystation.events.common.OrganisationType;
import org.familystation.events.common.UnifiedSocialCreditCode;
import org.familystation.platform.error.DomainException;

import java.time.Clock;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An organisation's membership of a brand alliance: applied → reviewed (rejected | approved) → convention
 * signed → admitted.
 */
@Aggregate
public class AllianceMember {

    static final int MAX_NAME = 100;
    static final int MAX_CONTACT = 50;
    static final int MAX_NOTES = 1000;

    @AggregateIdentifier
    private String memberId;
    private Alliance alliance;
    private String organisationName;
    private UnifiedSocialCreditCode creditCode;
    private MembershipStatus status;
    private String signedConventionVersion;

    protected AllianceMember() {
        // for Axon
    }

    @CommandHandler
    public AllianceMember(ApplyForAllianceMembership command, MemberRegistry members, Clock clock) {
        String id = Rules.uuid(command.memberId(), CommonRefusals.ID_INVALID, "memberId");
        Alliance alliance = Rules.oneOf(Alliance.class, command.alliance(), AllianceRefusals.ALLIANCE_UNKNOWN,
                "alliance");
        String name = Rules.requiredText(command.organisationName(), MAX_NAME,
                AllianceRefusals.ORGANISATION_NAME_INVALID, "organisationName");
        OrganisationType type = Rules.oneOf(OrganisationType.class, command.organisationType(),
                AllianceRefusals.ORGANISATION_TYPE_UNKNOWN, "organisationType");
        String code = command.creditCode() == null ? null : command.creditCode().strip();
        if (!UnifiedSocialCreditCode.isValid(code)) {
            throw DomainException.refuseField(AllianceRefusals.CREDIT_CODE_INVALID, "creditCode", code);
        }
        String contactPerson = Rules.optionalText(command.contactPerson(), MAX_CONTACT,
                AllianceRefusals.CONTACT_INVALID, "contactPerson");
        String contactPhone = Rules.optionalText(command.contactPhone(), MAX_CONTACT,
                AllianceRefusals.CONTACT_INVALID, "contactPhone");
        if (members.hasLiveMembership(alliance, code)) {
            throw DomainException.refuse(AllianceRefusals.CREDIT_CODE_ALREADY_IN_ALLIANCE, code);
        }
        apply(new AllianceMembershipApplied(id, alliance, name, type, UnifiedSocialCreditCode.of(code),
                contactPerson, contactPhone, clock.instant()));
    }

    @CommandHandler
    void handle(ReviewAllianceApplication command, Clock clock) {
        ReviewAllianceApplication.Decision decision = Rules.oneOf(ReviewAllianceApplication.Decision.class,
                command.decision(), AllianceRefusals.REVIEW_DECISION_UNKNOWN, "decision");
        if (status != MembershipStatus.APPLIED) {
            throw DomainException.refuse(AllianceRefusals.APPLICATION_NOT_AWAITING_REVIEW, status);
        }
        if (decision == ReviewAllianceApplication.Decision.REJECT) {
            String reason = Rules.requiredText(command.notes(), MAX_NOTES,
                    AllianceRefusals.REJECTION_REASON_REQUIRED, "notes");
            apply(new AllianceApplicationRejected(memberId, alliance, reason, clock.instant()));
        } else {
            String notes = Rules.optionalText(command.notes(), MAX_NOTES, AllianceRefusals.REVIEW_NOTES_INVALID,
                    "notes");
            apply(new AllianceApplicationApproved(memberId, alliance, notes, clock.instant()));
        }
    }

    @CommandHandler
    void handle(SignAllianceConvention command, ConventionProperties conventions, Clock clock) {
        if (status != MembershipStatus.APPROVED && status != MembershipStatus.ADMITTED) {
            throw DomainException.refuse(AllianceRefusals.MEMBER_NOT_APPROVED, status);
        }
        String version = command.conventionVersion() == null ? null : command.conventionVersion().strip();
        if (!conventions.isPublished(alliance, version)) {
            throw DomainException.refuseField(AllianceRefusals.CONVENTION_VERSION_UNKNOWN, "conventionVersion",
                    command.conventionVersion());
        }
        String signatory = Rules.requiredText(command.signatory(), MAX_CONTACT, AllianceRefusals.SIGNATORY_INVALID,
                "signatory");
        apply(new AllianceConventionSigned(memberId, alliance, version, signatory, clock.instant()));
    }

    @CommandHandler
    void handle(AdmitAllianceMember command, ConventionProperties conventions, Clock clock) {
        if (status == MembershipStatus.ADMITTED) {
            throw DomainException.refuse(AllianceRefusals.MEMBER_ALREADY_ADMITTED);
        }
        if (status != MembershipStatus.APPROVED) {
            throw DomainException.refuse(AllianceRefusals.MEMBER_NOT_APPROVED, status);
        }
        String current = conventions.currentVersion(alliance);
        if (!Objects.equals(current, signedConventionVersion)) {
            throw DomainException.refuse(AllianceRefusals.CONVENTION_NOT_SIGNED, current);
        }
        apply(new AllianceMemberAdmitted(memberId, alliance, organisationName, creditCode, current, clock.instant()));
    }

    @EventSourcingHandler
    void on(AllianceMembershipApplied event) {
        memberId = event.memberId();
        alliance = event.alliance();
        organisationName = event.organisationName();
        creditCode = event.creditCode();
        status = MembershipStatus.APPLIED;
    }

    @EventSourcingHandler
    void on(AllianceApplicationApproved event) {
        status = MembershipStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(AllianceApplicationRejected event) {
        status = MembershipStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(AllianceConventionSigned event) {
        signedConventionVersion = event.conventionVersion();
    }

    @EventSourcingHandler
    void on(AllianceMemberAdmitted event) {
        status = MembershipStatus.ADMITTED;
    }
}
