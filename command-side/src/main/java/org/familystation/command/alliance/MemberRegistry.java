package org.familystation.command.alliance;

import org.familystation.events.common.Alliance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the command side knows about alliance members when deciding about other aggregates. */
public interface MemberRegistry {

    /** Whether a live (applied, approved, admitted or suspended) membership with this credit code exists. */
    boolean hasLiveMembership(Alliance alliance, String creditCode);

    /** Until when an organisation expelled from the alliance may not apply again, if that is after {@code now}. */
    Optional<Instant> reapplicationBannedUntil(Alliance alliance, String creditCode, Instant now);

    /** The admitted members of the alliance whose latest signature is not of this convention version. */
    List<String> admittedWithoutSignature(Alliance alliance, String conventionVersion);

    Optional<MemberFacts> find(String memberId);

    /** @param admittedAt when it was first admitted (business time), or null when it never was */
    record MemberFacts(String memberId, Alliance alliance, String organisationName, MembershipStatus status,
                       Instant admittedAt) {
    }
}
