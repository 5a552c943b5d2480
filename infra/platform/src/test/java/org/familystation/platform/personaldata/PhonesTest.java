package org.familystation.platform.personaldata;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

class PhonesTest {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(String role) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("u", "p", "ROLE_" + role));
    }

    @Test
    void masksAllButTheFirstThreeAndLastFourDigitsKeepingSeparators() {
        assertThat(Phones.masked("13812341234")).isEqualTo("138****1234");
        assertThat(Phones.masked("025-8123 4567")).isEqualTo("025-**** 4567");
        assertThat(Phones.masked("+86 138 1234 1234")).isEqualTo("+86 1** **** 1234");
        assertThat(Phones.masked("12345")).isEqualTo("***45");
        assertThat(Phones.masked("已删除")).isEqualTo("已删除");
        assertThat(Phones.masked(null)).isNull();
    }

    @Test
    void administratorsAndOperatorsSeeWholePhonesOthersMasked() {
        for (String role : new String[]{"ADMIN", "OPERATOR"}) {
            signIn(role);
            assertThat(Phones.forCurrentUser("13812341234")).as(role).isEqualTo("13812341234");
        }
        for (String role : new String[]{"STATION_WORKER", "CENTRE_STAFF", "AUDITOR"}) {
            signIn(role);
            assertThat(Phones.forCurrentUser("13812341234")).as(role).isEqualTo("138****1234");
        }
        SecurityContextHolder.clearContext();
        assertThat(Phones.forCurrentUser("13812341234")).isEqualTo("138****1234");
    }
}
