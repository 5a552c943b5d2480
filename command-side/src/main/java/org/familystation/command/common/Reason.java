package org.familystation.command.common;

/**
 * Why something is corrected, voided or released, as the user writes it: not blank, at most {@value #MAX}
 * characters, kept trimmed.
 */
public record Reason(String text) {

    public static final int MAX = 1_000;

    public Reason {
        text = Rules.requiredText(text, MAX, CommonRefusals.REASON_REQUIRED, "reason");
    }
}
