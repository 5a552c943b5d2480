package org.familystation.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the as-of run reports of an answer that differs with snapshots: where, and both values. */
class AsOfRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void equalAnswersHaveNoDifference() throws Exception {
        assertThat(AsOfRun.firstDifference("", json("{\"a\":1,\"b\":[{\"c\":\"x\"}]}"),
                json("{\"b\":[{\"c\":\"x\"}],\"a\":1}"))).isNull();
    }

    @Test
    void theFirstDifferingValueIsNamedByItsPathWithBothValues() throws Exception {
        assertThat(AsOfRun.firstDifference("", json("{\"stations\":[{\"id\":\"s1\",\"served\":3},{\"served\":5}]}"),
                json("{\"stations\":[{\"id\":\"s1\",\"served\":4},{\"served\":6}]}")))
                .isEqualTo("/stations/0/served: 3 / 4");
    }

    @Test
    void aMissingFieldOrAnArrayOfAnotherLengthIsADifferenceWhereItIs() throws Exception {
        assertThat(AsOfRun.firstDifference("", json("{\"a\":{\"b\":1,\"c\":2}}"), json("{\"a\":{\"b\":1,\"d\":2}}")))
                .isEqualTo("/a/c: 2 / null");
        assertThat(AsOfRun.firstDifference("", json("{\"a\":[1,2]}"), json("{\"a\":[1]}")))
                .isEqualTo("/a: [1,2] / [1]");
        assertThat(AsOfRun.firstDifference("", json("{\"a\":1}"), null)).isEqualTo("/: {\"a\":1} / null");
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
