package org.familystation.app.support;

import org.awaitility.Awaitility;
import org.awaitility.core.ThrowingRunnable;

import java.time.Duration;

/**
 * Waits for the read side to catch up by polling: never a fixed sleep. The limit is generous because a fresh
 * embedded Elasticsearch on a busy two-core machine can take a minute to start; a passing test waits only as
 * long as it must.
 */
public final class Eventually {

    private Eventually() {
    }

    public static void assertThat(ThrowingRunnable assertion) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(assertion);
    }
}
