package org.familystation.command.alliance;

import org.familystation.events.common.Alliance;

import java.util.Optional;

/** What the command side knows about alliance members when deciding about other aggregates. */
public interface MemberRegistry {

    /** Whether a live (not rejected) application or membership with this credit code exists in the alliance. */
    boolean hasLiveMembership(Alliance alliance, String creditCode);

    Optional<MemberFacts> find(String memberId);

    record MemberFacts(String memberId, Alliance alliance, String organisationName, MembershipStatus status) {
    }
}
