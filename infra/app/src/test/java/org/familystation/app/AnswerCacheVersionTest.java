package org.familystation.app;

import org.familystation.app.support.ApplicationTest;
import org.familystation.query.common.AnswerCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answer cache's version query on the real token store: what a projection's writes change there (a token, even
 * one whose position stays, as when an event fills a gap) and what changes without any token moving (a dead letter
 * parked, retried or dropped) each make the next request compute its answer again. The rows belong to a processing
 * group no processor has, so nothing else moves them.
 */
class AnswerCacheVersionTest extends ApplicationTest {

    private static final String GROUP = "answer-cache-test";
    private static final List<String> READ_MODELS = List.of(GROUP);

    @Autowired
    AnswerCache answers;

    private final AtomicInteger computed = new AtomicInteger();

    @AfterEach
    void removeRows() {
        jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", GROUP);
        jdbc.update("DELETE FROM dead_letter_entry WHERE processing_group = ?", GROUP);
    }

    private int answer() {
        return answers.answer(READ_MODELS, List.of("version-test"), computed::incrementAndGet);
    }

    @Test
    void computesAgainWhenATokenOrADeadLetterOfTheGroupChanges() {
        int first = answer();
        assertThat(answer()).isEqualTo(first);

        jdbc.update("INSERT INTO token_entry (processor_name, segment, token, token_type) VALUES (?, 0, ?, ?)",
                GROUP, token("{\"index\":10,\"gaps\":[7]}"), "org.axonframework.eventhandling.GapAwareTrackingToken");
        int tracking = answer();
        assertThat(tracking).isGreaterThan(first);
        assertThat(answer()).isEqualTo(tracking);

        // Event 7 committed late and was applied: same position, fewer gaps.
        jdbc.update("UPDATE token_entry SET token = ? WHERE processor_name = ?", token("{\"index\":10,\"gaps\":[]}"),
                GROUP);
        int gapFilled = answer();
        assertThat(gapFilled).isGreaterThan(tracking);

        // A claim renewed by another node changes owner and timestamp only: the answer stands.
        jdbc.update("UPDATE token_entry SET owner = 'another-node', timestamp = '2026-11-29T12:00:00Z'"
                + " WHERE processor_name = ?", GROUP);
        assertThat(answer()).isEqualTo(gapFilled);

        jdbc.update("""
                INSERT INTO dead_letter_entry (dead_letter_identifier, processing_group, sequence_identifier,
                    sequence_index, message_type, event_identifier, time_stamp, payload_type, payload, enqueued_at)
                VALUES ('letter-1', ?, 'aggregate-1', 0, 'event', 'event-1', '2026-11-29T12:00:00Z', 'Payload', ?,
                    '2026-11-29T12:00:00Z')""", GROUP, token("{}"));
        int parked = answer();
        assertThat(parked).isGreaterThan(gapFilled);
        assertThat(answer()).isEqualTo(parked);

        // Retried successfully (or dropped): the letter leaves, and no token moves.
        jdbc.update("DELETE FROM dead_letter_entry WHERE dead_letter_identifier = 'letter-1'");
        assertThat(answer()).isGreaterThan(parked);
    }

    private static byte[] token(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
