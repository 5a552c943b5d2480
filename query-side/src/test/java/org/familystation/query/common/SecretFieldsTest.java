package org.familystation.query.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretFieldsTest {

    private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo";

    @Test
    void dropsThePasswordHashWhereverItStandsAndKeepsTheRestAsWritten() throws Exception {
        assertThat(SecretFields.stripped("{\"accountId\":\"a\",\"passwordHash\":\"" + HASH + "\",\"mustChange\":true}"))
                .isEqualTo("{\"accountId\":\"a\",\"mustChange\":true}");
        assertThat(SecretFields.stripped("{\"passwordHash\":\"" + HASH + "\",\"accountId\":\"a\"}"))
                .isEqualTo("{\"accountId\":\"a\"}");
        assertThat(SecretFields.stripped("{\"accountId\":\"a\",\"passwordHash\":\"" + HASH + "\"}"))
                .isEqualTo("{\"accountId\":\"a\"}");
        assertThat(SecretFields.stripped("{\"passwordHash\":null}")).isEqualTo("{}");
        String stripped = SecretFields.stripped("{\"roles\":[\"ADMIN\"],\"passwordHash\":\"" + HASH + "\",\"n\":1.50}");
        assertThat(new ObjectMapper().readTree(stripped).has("passwordHash")).isFalse();
        assertThat(stripped).isEqualTo("{\"roles\":[\"ADMIN\"],\"n\":1.50}");
    }

    @Test
    void leavesOtherPayloadsAlone() {
        String payload = "{\"reason\":\"passwordHash 一词不在字段名中\",\"amountFen\":100}";
        assertThat(SecretFields.stripped(payload)).isSameAs(payload);
    }
}
