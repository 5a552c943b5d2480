package org.familystation.query.admin;

import org.familystation.platform.error.Refusal;

/** Why an administrator's request about event processors, rebuilds or dead letters is refused. */
public final class AdminRefusals {

    public static final Refusal PROCESSOR_NOT_FOUND = Refusal.notFound("PROCESSOR_NOT_FOUND",
            "找不到事件处理器 %s", "there is no event processor %s");
    public static final Refusal PROCESSOR_NOT_REPLAYABLE = Refusal.conflict("PROCESSOR_NOT_REPLAYABLE",
            "事件处理器 %s 不能重放（只有投影可以重建，流程（saga）和命令端登记表不能）",
            "event processor %s cannot be replayed (only projections can be rebuilt, not sagas or command registries)");
    public static final Refusal REBUILD_ALREADY_RUNNING = Refusal.conflict("REBUILD_ALREADY_RUNNING",
            "事件处理器 %s 正在重建（%s）", "event processor %s is being rebuilt already (%s)");
    public static final Refusal REBUILD_NOT_FOUND = Refusal.notFound("REBUILD_NOT_FOUND",
            "找不到重建 %s", "there is no rebuild %s");
    public static final Refusal PROCESSOR_NOT_STOPPED = Refusal.conflict("PROCESSOR_NOT_STOPPED",
            "事件处理器 %s 未能在 %s 秒内在所有节点上停止，重建已取消",
            "event processor %s did not stop on every node within %s seconds; the rebuild was cancelled");
    public static final Refusal DEAD_LETTER_NOT_FOUND = Refusal.notFound("DEAD_LETTER_NOT_FOUND",
            "事件处理器 %s 没有事件 %s 的死信", "event processor %s has no dead letter of event %s");
    public static final Refusal DEAD_LETTER_NOT_FIRST = Refusal.conflict("DEAD_LETTER_NOT_FIRST",
            "事件 %s 之前还有同一对象的死信 %s，须按顺序先重试它",
            "dead letter %s waits behind %s of the same aggregate; retry that one first, in order");
    public static final Refusal DEAD_LETTER_STILL_FAILING = Refusal.conflict("DEAD_LETTER_STILL_FAILING",
            "重试事件 %s 仍然失败，已放回死信队列：%s", "retrying event %s failed again and it is back in the queue: %s");

    private AdminRefusals() {
    }
}
