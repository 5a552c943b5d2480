package org.familystation.command.alliance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.familystation.command.common.CommonRefusals;
import org.familystation.command.common.Rules;
import org.familystation.command.scope.Place;
import org.familystation.command.scope.ScopedCommand;
import org.familystation.events.common.Alliance;
import org.familystation.events.common.OrganisationType;
import org.familystation.events.common.UnifiedSocialCreditCode;
import org.familystation.platform.error.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * An organisation applies to join a brand alliance (申请加入联盟), as read from what was sent by {@link #read}.
 *
 * @param contactPerson null when none is given
 * @param contactPhone  null when none is given
 * @param appliedAt     when it applied (business time)
 */
public record ApplyForAllianceMembership(
        @TargetAggregateIdentifier String memberId,
        Alliance alliance,
        String organisationName,
        OrganisationType organisationType,
        UnifiedSocialCreditCode creditCode,
        String contactPerson,
        String contactPhone,
        Instant appliedAt) implements ScopedCommand {

    static final int MAX_NAME = 100;
    static final int MAX_CONTACT = 50;

    public ApplyForAllianceMembership {
        memberId = Rules.uuid(memberId, CommonRefusals.ID_INVALID, "memberId");
        Objects.requireNonNull(alliance, "alliance");
        organisationName = Rules.requiredText(organisationName, MAX_NAME, AllianceRefusals.ORGANISATION_NAME_INVALID,
                "organisationName");
        Objects.requireNonNull(organisationType, "organisationType");
        Objects.requireNonNull(creditCode, "creditCode");
        contactPerson = Rules.optionalText(contactPerson, MAX_CONTACT, AllianceRefusals.CONTACT_INVALID,
                "contactPerson");
        contactPhone = Rules.optionalText(contactPhone, MAX_CONTACT, AllianceRefusals.CONTACT_INVALID,
                "contactPhone");
        Objects.requireNonNull(appliedAt, "appliedAt");
    }

    /**
     * The command from what a client sent.
     *
     * @param alliance         DOMESTIC_SERVICE or PUBLIC_WELFARE
     * @param organisationType ENTERPRISE or SOCIAL_ORGANISATION
     * @param appliedAt        when it applied; now when not given
     */
    public static ApplyForAllianceMembership read(String memberId, String alliance, String organisationName,
                                                  String organisationType, String creditCode, String contactPerson,
                                                  String contactPhone, Instant appliedAt, Clock clock) {
        return new ApplyForAllianceMembership(memberId,
                Rules.oneOf(Alliance.class, alliance, AllianceRefusals.ALLIANCE_UNKNOWN, "alliance"), organisationName,
                Rules.oneOf(OrganisationType.class, organisationType, AllianceRefusals.ORGANISATION_TYPE_UNKNOWN,
                        "organisationType"),
                creditCode(creditCode), contactPerson, contactPhone, Rules.happenedAt(appliedAt, clock, "appliedAt"));
    }

    private static UnifiedSocialCreditCode creditCode(String sent) {
        String code = sent == null ? null : sent.strip();
        if (!UnifiedSocialCreditCode.isValid(code)) {
            throw DomainException.refuseField(AllianceRefusals.CREDIT_CODE_INVALID, "creditCode", code);
        }
        return UnifiedSocialCreditCode.of(code);
    }

    @Override
    public Place actsAt() {
        return Place.network();
    }
}
