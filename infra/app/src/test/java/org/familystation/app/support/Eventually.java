package org.familystation.app.support;

import org.awaitility.Awaitility;
import org.awaitility.core.ThrowingRunnable;

import java.time.Duration;

/** Waits for the read side to catch up by polling: never a fixed sleep. */
public final class Eventually {

    private Eventually() {
    }

    public static void assertThat(ThrowingRunnable assertion) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(assertion);
    }
}
