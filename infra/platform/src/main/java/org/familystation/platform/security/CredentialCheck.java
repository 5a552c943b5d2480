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
        guard.checkAllowed(username, address);
        Optional<FamilyStationUser> found = accounts.find(username);
        boolean right;
        if (found.isPresent() && verified.vouchFor(username, password, found.get().password())) {
            right = true;
        } else {
            right = encoder.matches(password, found.map(FamilyStationUser::password).orElse(dummyHash))
                    && found.isPresent();
        }
        if (!right) {
            guard.failed(username, address);
            throw new BadCredentialsException("bad credentials");
        }
        FamilyStationUser user = found.get();
        verified.remember(username, password, user.password());
        guard.succeeded(username);
        if (!user.enabled()) {
            throw new DisabledException("account disabled");
        }
        UsernamePasswordAuthenticationToken authenticated =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        authenticated.setDetails(attempt.getDetails());
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
