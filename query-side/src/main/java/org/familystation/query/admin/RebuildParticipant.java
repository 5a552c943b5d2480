package org.familystation.query.admin;

/**
 * A projection that has work to do at the end of a rebuild, beyond what its {@code @ResetHandler} did at the start:
 * the search projections swap their alias to the index the replay has filled. Called on one node only.
 */
public interface RebuildParticipant {

    /** The processing group (processor) this participant belongs to. */
    String processingGroup();

    /** The replay has reached the position the rebuild aimed at: make the rebuilt model the live one. */
    void rebuildCaughtUp();

    /** The rebuild failed before its replay began: undo what the reset prepared, the old model stays live. */
    void rebuildFailed();
}
