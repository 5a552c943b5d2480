package org.familystation.platform.operations;

import java.time.Duration;
import java.util.Optional;

/**
 * How far the read side is behind the event store, in time: what {@link FlowControl} keeps below its target. The
 * query side answers it from the event processors' tokens.
 */
@FunctionalInterface
public interface ReadSideLag {

    /**
     * The processor furthest behind, and since when the oldest event it has not yet handled has been in the store
     * (zero when every processor has handled every event); empty when no processor counts (none is running, or each
     * is being rebuilt or in error). Throws when the store cannot be read.
     */
    Optional<Behind> slowest();

    /** A processor and how long ago the oldest event it has not handled was appended. */
    record Behind(String processor, Duration behind) {
    }
}
