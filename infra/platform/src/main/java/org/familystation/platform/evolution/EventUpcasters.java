package org.familystation.platform.evolution;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

import java.util.List;

/**
 * The upcasters of stored events: what turns an event written in an older shape (an older {@code @Revision}) into
 * the current one while it is read, so that the history is never rewritten and never lost. This list is the only
 * place an upcaster is registered: the event store reads through {@link #chain()} (a bean in
 * {@code EventStoreConfiguration}), and so does the golden-file test of every event revision.
 *
 * <p>To change an event's shape: raise its {@code @Revision}, write a {@code SingleEventUpcaster} from the old
 * revision to the new one (on the JSON tree, see README "Evolving events"), add it here after the upcasters it
 * builds on, and add the golden file of the new revision.
 */
public final class EventUpcasters {

    private EventUpcasters() {
    }

    /**
     * Every upcaster, in the order they run (each revision step after the one it follows).
     */
    public static List<EventUpcaster> all() {
        return List.of(
                ProviderPeopleUpcaster.serviceRecorded(),
                ProviderPeopleUpcaster.serviceRecordCorrected());
    }

    /** The upcasters as one chain, as Axon runs them between reading a stored event and deserializing it. */
    public static EventUpcasterChain chain() {
        return new EventUpcasterChain(all());
    }
}
