package org.familystation.query.common.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How many segments a rebuilt index is merged into: as few as its size allows, none beyond 2 GiB. */
class SearchIndexTest {

    private static final long GIB = 1L << 30;

    @Test
    void aRebuiltIndexIsMergedIntoSegmentsOfAtMostTwoGibibytes() {
        assertThat(SearchIndex.mergedSegments(0)).as("an empty index").isEqualTo(1);
        assertThat(SearchIndex.mergedSegments(450L << 20)).as("1M records, 450 MB").isEqualTo(1);
        assertThat(SearchIndex.mergedSegments(2 * GIB)).isEqualTo(1);
        assertThat(SearchIndex.mergedSegments(2 * GIB + 1)).isEqualTo(2);
        assertThat(SearchIndex.mergedSegments(4_500_000_000L)).as("10M records, 4.5 GB").isEqualTo(3);
    }
}
