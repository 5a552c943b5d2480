package org.familystation.query.admin;

import org.familystation.platform.error.Refusal;

/** Why an administrator's request about event processors, rebuilds or dead letters is refused. */
public final class AdminRefusals {

    public static final Refusal PROCESSOR_NOT_FOUND = Refusal.notFound("PROCESSOR_NOT_FOUND",
            "找不到事件处理器或处理组 %s", "there is no event processor or processing group %s");
    /** A processing group named where a processor is meant: its family is what runs, and is rebuilt, as a whole. */
    public static final Refusal PROCESSING_GROUP_OF_FAMILY = Refusal.notFound("PROCESSING_GROUP_OF_FAMILY",
            "%s 是事件处理器 %s 的一个处理组，不是单独的事件处理器：请查看或重建 %s（重建时其中所有读模型一起重放）",
            "%s is a processing group of the event processor %s, not a processor of its own: look at or rebuild %s"
                    + " (a rebuild replays every read model in it)");
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
            "处理组 %s 没有事件 %s 的死信", "processing group %s has no dead letter of event %s");
    public static final Refusal DEAD_LETTER_NOT_FIRST = Refusal.conflict("DEAD_LETTER_NOT_FIRST",
            "事件 %s 之前还有同一对象的死信 %s，须按顺序先重试它",
            "dead letter %s waits behind %s of the same aggregate; retry that one first, in order");
    public static final Refusal DEAD_LETTER_STILL_FAILING = Refusal.conflict("DEAD_LETTER_STILL_FAILING",
            "重试事件 %s 仍然失败，已放回死信队列：%s", "retrying event %s failed again and it is back in the queue: %s");

    private AdminRefusals() {
    }
}
