package org.familystation.query.admin;

import java.util.List;

/**
 * One event processor as the admin API shows it.
 *
 * @param kind          {@code pooled-streaming}, {@code tracking} or {@code subscribing}
 * @param saga          whether it runs a saga (sagas are never replayed: they would send their commands again)
 * @param replayable    whether it can be rebuilt
 * @param running       running on this node
 * @param error         in error on this node: Axon's coordinator is in error, or the last batch failed
 *                      ({@code fault} says since when and why)
 * @param fault         the current streak of failed batches on this node ({@link ProcessorFaults}), or null
 * @param retrying      in error and still running: Axon retries the failed batch with its back-off (1 … 60 s), so
 *                      the processor resumes by itself once its target is back
 * @param headPosition  the global index of the event store's newest event
 * @param lag           events behind: head minus the slowest segment's position (null for subscribing processors,
 *                      which handle events in the transaction that appends them)
 * @param deadLetters   events parked in its processing groups' dead-letter queues
 * @param groups        the processing groups it reads for (a family's, or its own name), each with its dead letters
 * @param activeRebuild the id of its rebuild under way, if any
 */
public record ProcessorStatus(
        String name,
        String kind,
        boolean saga,
        boolean replayable,
        boolean running,
        boolean error,
        ProcessorFaults.Fault fault,
        boolean retrying,
        long headPosition,
        Long lag,
        List<SegmentStatus> segments,
        long deadLetters,
        List<GroupStatus> groups,
        String activeRebuild) {

    /** A processing group the processor reads for: its letters are parked, retried and dropped under its name. */
    public record GroupStatus(String name, long deadLetters) {
    }

    /**
     * One segment: where it stands and, when this node has claimed it, what the node knows of it. The position is its
     * stored token's (as every node sees it, from the token store), or where this node's processor stands in memory
     * when that is further: a pooled processor stores its token after each batch it handles, but after events none of
     * its handlers take only when it extends its claim (every 5 s), so the stored token of a processor that is only
     * passing events by (a saga among service records) reads thousands of events behind under load.
     */
    public record SegmentStatus(
            int segment,
            long position,
            long lag,
            String owner,
            boolean replaying,
            boolean claimedHere,
            Boolean caughtUp,
            String error) {
    }
}
