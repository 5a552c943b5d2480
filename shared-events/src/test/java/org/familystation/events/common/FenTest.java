package org.familystation.events.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FenTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0             | ¥0.00",
            "5             | ¥0.05",
            "100           | ¥1.00",
            "123456        | ¥1,234.56",
            "-250          | -¥2.50",
            "1000000000000 | ¥10,000,000,000.00",
            "9223372036854775807 | ¥92,233,720,368,547,758.07"})
    void showsFenAsYuanWithTwoDecimals(long fen, String shown) {
        assertThat(Fen.yuan(fen)).isEqualTo(shown);
    }
}
