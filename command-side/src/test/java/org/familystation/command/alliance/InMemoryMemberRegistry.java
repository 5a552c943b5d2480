package org.familystation.command.alliance;

import org.familystation.events.common.Alliance;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A member registry for fixture tests. */
public class InMemoryMemberRegistry implements MemberRegistry {

    private final Map<String, MemberFacts> members = new LinkedHashMap<>();
    private final Map<String, String> creditCodes = new HashMap<>();
    private final Map<String, String> signedVersions = new HashMap<>();
    private final Map<String, Instant> bans = new HashMap<>();

    public InMemoryMemberRegistry with(String memberId, Alliance alliance, String name, String creditCode,
                                       MembershipStatus status) {
        members.put(memberId, new MemberFacts(memberId, alliance, name, status, null));
        creditCodes.put(alliance + creditCode, memberId);
        return this;
    }

    /** The member's first admission (business time), which offerings are checked against. */
    public InMemoryMemberRegistry admittedAt(String memberId, Instant admittedAt) {
        MemberFacts member = members.get(memberId);
        members.put(memberId, new MemberFacts(memberId, member.alliance(), member.organisationName(),
                member.status(), admittedAt));
        return this;
    }

    public InMemoryMemberRegistry signed(String memberId, String conventionVersion) {
        signedVersions.put(memberId, conventionVersion);
        return this;
    }

    public InMemoryMemberRegistry expelled(String memberId, Instant bannedUntil) {
        MemberFacts member = members.get(memberId);
        members.put(memberId, new MemberFacts(memberId, member.alliance(), member.organisationName(),
                MembershipStatus.EXPELLED, member.admittedAt()));
        bans.put(memberId, bannedUntil);
        return this;
    }

    @Override
    public boolean hasLiveMembership(Alliance alliance, String creditCode) {
        String memberId = creditCodes.get(alliance + creditCode);
        return memberId != null && List.of(MembershipStatus.APPLIED, MembershipStatus.APPROVED,
                MembershipStatus.ADMITTED, MembershipStatus.SUSPENDED).contains(members.get(memberId).status());
    }

    @Override
    public Optional<Instant> reapplicationBannedUntil(Alliance alliance, String creditCode, Instant now) {
        return Optional.ofNullable(creditCodes.get(alliance + creditCode)).map(bans::get)
                .filter(until -> until.isAfter(now));
    }

    @Override
    public List<String> admittedWithoutSignature(Alliance alliance, String conventionVersion) {
        return members.values().stream()
                .filter(member -> member.alliance() == alliance && member.status() == MembershipStatus.ADMITTED)
                .map(MemberFacts::memberId)
                .filter(memberId -> !Objects.equals(signedVersions.get(memberId), conventionVersion))
                .toList();
    }

    @Override
    public Optional<MemberFacts> find(String memberId) {
        return Optional.ofNullable(members.get(memberId));
    }
}
