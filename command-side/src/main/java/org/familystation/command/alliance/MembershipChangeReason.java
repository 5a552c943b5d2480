package org.familystation.command.alliance;

import org.familystation.command.common.Rules;

/**
 * Why a membership is suspended, reinstated, ended by expulsion or withdrawn: not blank, at most {@value #MAX}
 * characters, kept trimmed. Its own refusal, not {@link org.familystation.command.common.Reason}'s, which clients know.
 */
public record MembershipChangeReason(String text) {

    public static final int MAX = 500;

    public MembershipChangeReason {
        text = Rules.requiredText(text, MAX, AllianceRefusals.MEMBERSHIP_CHANGE_REASON_REQUIRED, "reason");
    }
}
