package org.familystation.command.common;

import org.familystation.platform.error.Refusal;

/** Refusals every feature can give. */
public final class CommonRefusals {

    public static final Refusal ID_INVALID = Refusal.invalidInput("ID_INVALID",
            "编号必须是小写的 UUID（收到：%s）", "an id must be a lower-case UUID (got: %s)");

    private CommonRefusals() {
    }
}
