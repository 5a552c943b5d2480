package org.familystation.command.alliance;

import org.familystation.events.common.Alliance;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A member registry for fixture tests. */
public class InMemoryMemberRegistry implements MemberRegistry {

    private final Map<String, MemberFacts> members = new HashMap<>();
    private final Map<String, String> creditCodes = new HashMap<>();

    public InMemoryMemberRegistry with(String memberId, Alliance alliance, String name, String creditCode,
                                       MembershipStatus status) {
        members.put(memberId, new MemberFacts(memberId, alliance, name, status));
        creditCodes.put(alliance + creditCode, memberId);
        return this;
    }

    @Override
    public boolean hasLiveMembership(Alliance alliance, String creditCode) {
        String memberId = creditCodes.get(alliance + creditCode);
        return memberId != null && members.get(memberId).status() != MembershipStatus.REJECTED;
    }

    @Override
    public Optional<MemberFacts> find(String memberId) {
        return Optional.ofNullable(members.get(memberId));
    }
}
