package org.familystation.query.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The answer cache, with the token store replaced by a version per processing group that the test moves. */
class AnswerCacheTest {

    private static final List<String> SERVICES = List.of(ProcessingGroups.SERVICE_RECORDS);
    private static final List<String> STATIONS_AND_SERVICES = List.of(ProcessingGroups.STATIONS,
            ProcessingGroups.SERVICE_RECORDS);

    private final Map<String, Integer> versions = new HashMap<>();
    private final List<Collection<String>> versionsRead = new ArrayList<>();
    private final AtomicInteger computed = new AtomicInteger();

    private AnswerCache cache(int size) {
        return new AnswerCache(groups -> {
            versionsRead.add(groups);
            return groups.stream().map(group -> group + "=" + versions.getOrDefault(group, 0)).toList().toString();
        }, size);
    }

    private String summary(AnswerCache cache, Collection<String> readModels, String district) {
        return cache.answer(readModels, Arrays.asList("summary", district, null),
                () -> "answer " + computed.incrementAndGet());
    }

    @Test
    void answersARepeatedRequestFromTheCacheAfterOneVersionQuery() {
        AnswerCache cache = cache(10);

        assertThat(summary(cache, SERVICES, "玄武区")).isEqualTo("answer 1");
        assertThat(summary(cache, SERVICES, "玄武区")).isEqualTo("answer 1");

        assertThat(computed).hasValue(1);
        assertThat(versionsRead).containsExactly(SERVICES, SERVICES);
    }

    @Test
    void keepsOneAnswerPerRequestParameters() {
        AnswerCache cache = cache(10);

        assertThat(summary(cache, SERVICES, "玄武区")).isEqualTo("answer 1");
        assertThat(summary(cache, SERVICES, null)).isEqualTo("answer 2");
        assertThat(summary(cache, SERVICES, "玄武区")).isEqualTo("answer 1");
        assertThat(summary(cache, SERVICES, null)).isEqualTo("answer 2");
    }

    @Test
    void computesAgainOnceAReadModelItReadsHasMoved() {
        AnswerCache cache = cache(10);
        assertThat(summary(cache, STATIONS_AND_SERVICES, null)).isEqualTo("answer 1");

        versions.put(ProcessingGroups.STATIONS, 1);
        assertThat(summary(cache, STATIONS_AND_SERVICES, null)).isEqualTo("answer 2");
        assertThat(summary(cache, STATIONS_AND_SERVICES, null)).isEqualTo("answer 2");

        versions.put(ProcessingGroups.SERVICE_RECORDS, 1);
        assertThat(summary(cache, STATIONS_AND_SERVICES, null)).isEqualTo("answer 3");
    }

    @Test
    void ignoresReadModelsTheAnswerDoesNotRead() {
        AnswerCache cache = cache(10);
        assertThat(summary(cache, SERVICES, null)).isEqualTo("answer 1");

        versions.put(ProcessingGroups.STATIONS, 1);

        assertThat(summary(cache, SERVICES, null)).isEqualTo("answer 1");
    }

    @Test
    void keepsAtMostItsSizeDroppingTheLeastRecentlyUsed() {
        AnswerCache cache = cache(2);
        assertThat(summary(cache, SERVICES, "玄武区")).isEqualTo("answer 1");
        assertThat(summary(cache, SERVICES, "鼓楼区")).isEqualTo("answer 2");
        assertThat(summary(cache, SERVICES, "玄武区")).isEqualTo("answer 1");

        assertThat(summary(cache, SERVICES, "秦淮区")).isEqualTo("answer 3");

        assertThat(summary(cache, SERVICES, "玄武区")).isEqualTo("answer 1");
        assertThat(summary(cache, SERVICES, "秦淮区")).isEqualTo("answer 3");
        assertThat(summary(cache, SERVICES, "鼓楼区")).isEqualTo("answer 4");
    }

    @Test
    void keepsNothingAndAsksNoVersionWhenItsSizeIsZero() {
        AnswerCache cache = cache(0);

        assertThat(summary(cache, SERVICES, null)).isEqualTo("answer 1");
        assertThat(summary(cache, SERVICES, null)).isEqualTo("answer 2");
        assertThat(versionsRead).isEmpty();
    }
}
