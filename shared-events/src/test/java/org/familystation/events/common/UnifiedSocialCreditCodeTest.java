package org.familystation.events.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnifiedSocialCreditCodeTest {

    @Test
    void acceptsAPublishedValidCode() {
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y43")).isTrue();
        assertThat(UnifiedSocialCreditCode.of("91350100M000100Y43").value()).isEqualTo("91350100M000100Y43");
    }

    @Test
    void computesTheCheckCharacter() {
        assertThat(UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "91350100M000100Y44", // wrong check character
            "91350100M000100Y4",  // 17 characters
            "91350100M000100Y433", // 19 characters
            "91350100I000100Y43", // I is not in the alphabet
            "91350100m000100Y43", // lower case
            ""})
    void refusesMalformedCodes(String text) {
        assertThat(UnifiedSocialCreditCode.isValid(text)).isFalse();
        assertThatThrownBy(() -> UnifiedSocialCreditCode.of(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullIsNotValid() {
        assertThat(UnifiedSocialCreditCode.isValid(null)).isFalse();
    }
}
