package org.familystation.command.funding;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An amount in fen arrives as a whole JSON number or is an error naming the field, never silently rounded. */
class WholeFenTest {

    private final ObjectMapper json = new ObjectMapper();

    private FundingCommandController.NewAllocation read(String amount) throws Exception {
        return json.readValue("{\"stationId\": \"s\", \"amountFen\": " + amount + "}",
                FundingCommandController.NewAllocation.class);
    }

    @Test
    void readsWholeNumbers() throws Exception {
        assertThat(read("123456").amountFen()).isEqualTo(123_456L);
        assertThat(read("-5").amountFen()).isEqualTo(-5L);
        assertThat(read("1.0e3").amountFen()).isEqualTo(1_000L);
        assertThat(read("null").amountFen()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.5", "0.01", "\"1200\"", "true", "99999999999999999999", "[1]"})
    void refusesAnythingElseNamingTheField(String amount) {
        assertThatThrownBy(() -> read(amount))
                .isInstanceOf(InvalidFormatException.class)
                .satisfies(failure -> assertThat(((InvalidFormatException) failure).getPath().get(0).getFieldName())
                        .isEqualTo("amountFen"));
    }
}
