package org.familystation.query.admin;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.familystation.platform.operations.ReadSideLag;
import org.familystation.query.common.ReadSideProgress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * How far the read side is behind, in time, for {@code FlowControl}: at each look it notes the event store's head
 * ({@link HeadHistory}, one statement) and reads where each segment this node processes stands, in memory; a segment
 * at position {@code p} behind a head past it has been behind since the head reached {@code p + 1}. Precise to about
 * one interval between looks.
 * <p>
 * In memory, not from the token store: a processor stores its token with each batch it handles, but after a batch
 * of events it has no handler for (a saga among service records) only every five seconds (Axon's claim extension),
 * so the stored tokens of caught-up processors read seconds behind. A segment's position in memory moves when its
 * batch has committed, i.e. when its read model shows the events. So a node sees the segments it has claimed; with
 * several nodes each claiming a share of every processor's segments ({@code max-claimed-segments}), every node sees
 * each processor.
 * <p>
 * It counts the read side's processors as read-your-writes does ({@link ReadSideProgress#readModelProcessors()}:
 * every streaming processor but the sagas, which feed no read model) that run on this node and are neither in error
 * nor retrying ({@link ProcessorFaults}), and of them the segments neither replaying nor in error: a rebuild, or a
 * processor stuck on an event, is far behind by nature, and holding every change back for it would not bring it
 * forward.
 */
@Component
public class ProcessorTimeLag implements ReadSideLag {

    /** Ten minutes of looks four times a second; a processor further behind is reported as that far behind. */
    private static final int LOOKS_KEPT = 2_400;

    private final ReadSideProgress readSide;
    private final ProcessorFaults faults;
    private final LongSupplier nanoTime;
    private final HeadHistory history = new HeadHistory(LOOKS_KEPT);

    @Autowired
    public ProcessorTimeLag(ReadSideProgress readSide, ProcessorFaults faults) {
        this(readSide, faults, System::nanoTime);
    }

    ProcessorTimeLag(ReadSideProgress readSide, ProcessorFaults faults, LongSupplier nanoTime) {
        this.readSide = readSide;
        this.faults = faults;
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized Optional<Behind> slowest() {
        long head = readSide.head();
        long now = nanoTime.getAsLong();
        history.note(now, head);
        Behind slowest = null;
        for (StreamingEventProcessor processor : readSide.readModelProcessors()) {
            if (!counts(processor)) {
                continue;
            }
            for (EventTrackerStatus segment : processor.processingStatus().values()) {
                if (segment.isReplaying() || segment.isErrorState()) {
                    continue;
                }
                long position = segment.getCurrentPosition().orElse(-1);
                Duration behind = position >= head ? Duration.ZERO
                        : Duration.ofNanos(Math.max(now - history.reached(position + 1), 0));
                if (slowest == null || behind.compareTo(slowest.behind()) > 0) {
                    slowest = new Behind(processor.getName(), behind);
                }
            }
        }
        return Optional.ofNullable(slowest);
    }

    private boolean counts(StreamingEventProcessor processor) {
        return processor.isRunning() && !processor.isError() && faults.of(processor.getName()).isEmpty();
    }
}
