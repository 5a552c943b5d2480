package org.familystation.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who may sign in and how: the accounts (configuration and demo accounts first, then the system's own), password
 * hashing, the credential check with its cache and throttle, and the web session.
 */
@AutoConfiguration(before = {UserDetailsServiceAutoConfiguration.class, SecurityConfiguration.class})
@EnableConfigurationProperties({AccountProperties.class, SignInProperties.class})
public class SignInConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SignInConfiguration.class);

    /**
     * New hashes are Argon2id (by default Spring Security's 5.8 parameters: 16 MiB, 2 iterations, a 16-byte salt, a
     * 32-byte hash); bcrypt hashes (given in configuration) and {@code {noop}} (local trials; hashed at start) are
     * still read.
     */
    @Bean
    public PasswordEncoder passwordEncoder(SignInProperties properties) {
        SignInProperties.PasswordHashing cost = properties.getPasswordHashing();
        Map<String, PasswordEncoder> encoders = new HashMap<>();
        encoders.put("argon2", new Argon2PasswordEncoder(16, 32, 1, cost.getMemoryKib(), cost.getIterations()));
        encoders.put("bcrypt", new BCryptPasswordEncoder());
        encoders.put("noop", NoOpPasswordEncoder.getInstance());
        return new DelegatingPasswordEncoder("argon2", encoders);
    }

    @Bean
    public ConfiguredAccounts configuredAccounts(AccountProperties properties, Environment environment,
                                                 PasswordEncoder encoder) {
        return new ConfiguredAccounts(properties, environment, encoder);
    }

    /** Configuration and demo accounts first (a configured name cannot be taken over), then the system's own. */
    @Bean
    public AccountDirectory accountDirectory(ConfiguredAccounts configured, ObjectProvider<ManagedAccounts> managed) {
        if (configured.isEmpty() && managed.getIfAvailable() == null) {
            log.warn("No accounts are configured: every API request will be refused (familystation.security.accounts)");
        }
        return username -> configured.find(username).or(() -> {
            ManagedAccounts kept = managed.getIfAvailable();
            return kept == null ? Optional.empty() : kept.find(username);
        });
    }

    @Bean
    public VerifiedCredentials verifiedCredentials(SignInProperties properties, Clock clock) {
        return new VerifiedCredentials(properties.getCredentialCacheTtl(), clock);
    }

    /**
     * Failures counted in PostgreSQL, by every node together; lockouts are logged, and recorded by whoever listens
     * (the account feature: in the event store).
     */
    @Bean
    public SignInGuard signInGuard(SignInProperties properties, Clock clock,
                                   ObjectProvider<LockoutListener> listeners, DataSource dataSource) {
        return new SignInGuard(properties.getThrottle(), clock, (subject, username, address, failures, until, at) ->
                listeners.forEach(listener -> listener.lockedOut(subject, username, address, failures, until, at)),
                new SharedFailureCounts(dataSource));
    }

    @Bean
    public CredentialCheck credentialCheck(AccountDirectory accounts, PasswordEncoder encoder,
                                           VerifiedCredentials verified, SignInGuard guard) {
        return new CredentialCheck(accounts, encoder, verified, guard);
    }

    @Bean
    public SignInProblems signInProblems(ObjectMapper objectMapper) {
        return new SignInProblems(objectMapper);
    }

    @Bean
    public WebSessions webSessions(AccountDirectory accounts, ConfiguredAccounts configured,
                                   CredentialCheck credentials, SignInProperties properties, ObjectMapper objectMapper) {
        return new WebSessions(accounts, configured, credentials, properties, objectMapper);
    }
}
