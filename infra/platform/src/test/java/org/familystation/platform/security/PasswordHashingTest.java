package org.familystation.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Password hashing at the cost a deployment keeps. The tests of the whole application hash at a lower cost
 * ({@code familystation.security.password-hashing.*}); what depends on the real cost is checked here.
 */
class PasswordHashingTest {

    private final PasswordEncoder encoder = new SignInConfiguration().passwordEncoder(new SignInProperties());

    @Test
    void newHashesAreArgon2idAtSpringSecuritysDefaultCost() {
        String hash = encoder.encode("chun-jiang-chao-shui");
        assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=16384,t=2,p=1$");
        assertThat(encoder.matches("chun-jiang-chao-shui", hash)).isTrue();
        assertThat(encoder.matches("chun-jiang-chao-shui", "{argon2}"
                + Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("chun-jiang-chao-shui"))).isTrue();
    }

    @Test
    void aHashCarriesItsCostSoAHashOfAnotherCostIsStillRead() {
        SignInProperties cheap = new SignInProperties();
        cheap.getPasswordHashing().setMemoryKib(1024);
        cheap.getPasswordHashing().setIterations(1);
        String hash = new SignInConfiguration().passwordEncoder(cheap).encode("hai-shang-ming-yue");
        assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(encoder.matches("hai-shang-ming-yue", hash)).isTrue();
        assertThat(encoder.matches("hai-shang-ming-yu", hash)).isFalse();
    }

    /** No username oracle: a wrong password for an unknown username is hashed against a dummy hash of the same cost. */
    @Test
    void anUnknownUsernameCostsWhatAKnownOneCostsAtTheRealCost() {
        SignInProperties properties = new SignInProperties();
        FamilyStationUser known = new FamilyStationUser("known", encoder.encode("the-password"), "已知", null,
                EnumSet.of(Role.AUDITOR), null);
        SignInGuard guard = new SignInGuard(properties.getThrottle(), Clock.systemUTC(),
                (subject, username, address, failures, until, at) -> { }, new MemoryFailureCounts());
        CredentialCheck check = new CredentialCheck(
                username -> username.equals("known") ? Optional.of(known) : Optional.empty(), encoder,
                new VerifiedCredentials(properties.getCredentialCacheTtl(), Clock.systemUTC()), guard);
        List<Long> unknownNanos = new ArrayList<>();
        List<Long> knownNanos = new ArrayList<>();
        for (int round = 0; round < 15; round++) {
            unknownNanos.add(refusedNanos(check, "u" + UUID.randomUUID()));
            knownNanos.add(refusedNanos(check, "known"));
            guard.forgetAll();
        }
        double unknown = median(unknownNanos);
        double knownWrong = median(knownNanos);
        System.out.printf(Locale.ROOT, "Wrong password at the real cost, p50 of 15: unknown user %.1f ms,"
                + " known user %.1f ms%n", unknown / 1e6, knownWrong / 1e6);
        assertThat(knownWrong / 1e6).as("a hash at the real cost takes time").isGreaterThan(1);
        assertThat(unknown / knownWrong).as("unknown / known").isBetween(0.33, 3.0);
    }

    private static long refusedNanos(CredentialCheck check, String username) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> check.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username,
                "wrong-" + UUID.randomUUID()))).isInstanceOf(BadCredentialsException.class);
        return System.nanoTime() - start;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
