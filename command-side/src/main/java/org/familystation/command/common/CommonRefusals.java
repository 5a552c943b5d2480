package org.familystation.command.common;

import org.familystation.platform.error.Refusal;

/** Refusals every feature can give. */
public final class CommonRefusals {

    public static final Refusal ID_INVALID = Refusal.invalidInput("ID_INVALID",
            "编号必须是小写的 UUID（收到：%s）", "an id must be a lower-case UUID (got: %s)");
    /** A command names a station the command side does not know (a service, an allocation, a referral …). */
    public static final Refusal STATION_UNKNOWN = Refusal.notFound("STATION_UNKNOWN",
            "家庭驿站 %s 不存在", "station %s does not exist");
    /** A business date (when something happened in the world) that has not come yet. */
    public static final Refusal HAPPENED_IN_FUTURE = Refusal.invalidInput("HAPPENED_IN_FUTURE",
            "发生时间 %s 还未到来：只能登记已经发生的事", "%s has not come yet: only what has happened can be recorded");
    public static final Refusal REASON_REQUIRED = Refusal.invalidInput("REASON_REQUIRED",
            "请写明原因（不超过 %s 个字）", "give a reason (at most %s characters)");

    private CommonRefusals() {
    }
}
