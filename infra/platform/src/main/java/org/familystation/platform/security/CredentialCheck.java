package org.familystation.platform.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * Checks a username and password, for HTTP Basic and the web session's sign-in alike: throttled first
 * ({@link SignInGuard}), then verified against the stored hash, or against a dummy hash of the same cost when the
 * username is unknown, so that an unknown username answers in the time a known one does (no username oracle). A
 * password verified recently is not hashed again ({@link VerifiedCredentials}). A disabled account is refused only
 * after its password was verified, so its state is no oracle either.
 */
public class CredentialCheck implements AuthenticationProvider {

    private final AccountDirectory accounts;
    private final PasswordEncoder encoder;
    private final VerifiedCredentials verified;
    private final SignInGuard guard;
    private final String dummyHash;
    /**
     * Hashes computed at once: each takes 16 MiB and a core for a while, so a burst of sign-ins (a script's first
     * requests on many threads, or a flood of guesses) queues here instead of exhausting memory and CPU.
     */
    private final Semaphore hashing = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));

    public CredentialCheck(AccountDirectory accounts, PasswordEncoder encoder, VerifiedCredentials verified,
                           SignInGuard guard) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.verified = verified;
        this.guard = guard;
        this.dummyHash = encoder.encode(UUID.randomUUID().toString());
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName();
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        boolean failuresToForgive = guard.checkAllowed(username, address);
        Optional<FamilyStationUser> found = accounts.find(username);
        boolean right = vouched(found, username, password);
        if (!right) {
            hashing.acquireUninterruptibly();
            try {
                // A request that waited may find the password verified meanwhile by one just like it.
                right = vouched(found, username, password)
                        || encoder.matches(password, found.map(FamilyStationUser::password).orElse(dummyHash))
                        && found.isPresent();
            } finally {
                hashing.release();
            }
        }
        if (!right) {
            guard.failed(username, address);
            throw new BadCredentialsException("bad credentials");
        }
        FamilyStationUser user = found.get();
        verified.remember(username, password, user.password());
        if (failuresToForgive) {
            // A failure counted between the check and now stays counted: stricter, never laxer.
            guard.succeeded(username);
        }
        if (!user.enabled()) {
            throw new DisabledException("account disabled");
        }
        UsernamePasswordAuthenticationToken authenticated =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        authenticated.setDetails(attempt.getDetails());
        return authenticated;
    }

    private boolean vouched(Optional<FamilyStationUser> found, String username, String password) {
        return found.isPresent() && verified.vouchFor(username, password, found.get().password());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
