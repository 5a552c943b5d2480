package org.familystation.command.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.familystation.command.common.CommandSender;
import org.familystation.command.network.UnitRegistry;
import org.familystation.command.network.UnitRegistry.UnitFacts;
import org.familystation.events.common.UnitLevel;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.security.FamilyStationUser;
import org.familystation.platform.security.SignInGuard;
import org.familystation.platform.security.SignInProblems;
import org.familystation.platform.security.WebSessions;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The workbench's web session (docs/API.md, "Accounts and sign-in"): sign in, who is signed in, sign out, and change
 * one's own password (the only thing an account may do while its password is one an administrator set).
 */
@RestController
public class SessionController {

    private final WebSessions sessions;
    private final SignInProblems problems;
    private final SignInGuard guard;
    private final AccountRegistry accounts;
    private final UnitRegistry units;
    private final CommandSender sender;

    public SessionController(WebSessions sessions, SignInProblems problems, SignInGuard guard,
                             AccountRegistry accounts, UnitRegistry units, CommandSender sender) {
        this.sessions = sessions;
        this.problems = problems;
        this.guard = guard;
        this.accounts = accounts;
        this.units = units;
        this.sender = sender;
    }

    @PostMapping("/api/session")
    public ResponseEntity<CurrentUser> signIn(@RequestBody Credentials request, HttpServletRequest http,
                                              HttpServletResponse response) throws IOException {
        try {
            return ResponseEntity.ok(describe(sessions.signIn(http, response, request.username(),
                    request.password())));
        } catch (AuthenticationException refused) {
            problems.refusedSignIn(response, refused);
            return null;
        }
    }

    @GetMapping("/api/session")
    public ResponseEntity<?> current() {
        return WebSessions.currentUser().<ResponseEntity<?>>map(user -> ResponseEntity.ok(describe(user)))
                .orElseGet(SessionController::unauthenticated);
    }

    @DeleteMapping("/api/session")
    public ResponseEntity<Void> signOut(HttpServletRequest http, HttpServletResponse response) {
        sessions.signOut(http, response);
        return ResponseEntity.noContent().build();
    }

    /**
     * The session it is changed in stays signed in; every other session of the account ends. A wrong current
     * password counts as a failed sign-in, so a borrowed session cannot be used to guess it; while
     * the account is locked out, the change is refused like a sign-in.
     */
    @PostMapping("/api/session/password")
    public ResponseEntity<?> changePassword(@RequestBody PasswordChange request, HttpServletRequest http,
                                            HttpServletResponse response) throws IOException {
        Optional<FamilyStationUser> user = WebSessions.currentUser();
        if (user.isEmpty()) {
            return unauthenticated();
        }
        String username = user.get().username();
        String accountId = accounts.accountId(username).orElseThrow(() -> DomainException.refuse(AccountRefusals.ACCOUNT_NOT_MANAGED, username));
        try {
            guard.checkAllowed(username, http.getRemoteAddr());
        } catch (AuthenticationException throttled) {
            problems.refusedSignIn(response, throttled);
            return null;
        }
        try {
            sender.send(new ChangeOwnPassword(accountId, request.currentPassword(), request.newPassword()));
        } catch (DomainException refused) {
            if (refused.refusal().equals(AccountRefusals.BAD_CREDENTIALS)) {
                guard.failed(username, http.getRemoteAddr());
            }
            throw refused;
        }
        guard.succeeded(username);
        sessions.renew(http, response);
        return ResponseEntity.noContent().build();
    }

    private CurrentUser describe(FamilyStationUser user) {
        Optional<UnitFacts> unit = user.unitId() == null ? Optional.empty() : units.find(user.unitId());
        return new CurrentUser(user.username(), user.displayName(), user.unitId(),
                unit.map(UnitFacts::name).orElse(null), unit.map(UnitFacts::level).orElse(null),
                user.roles().stream().map(Enum::name).sorted().toList(), user.centre(), user.mustChangePassword());
    }

    private static ResponseEntity<?> unauthenticated() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(SignInProblems.unauthenticated());
    }

    /** Who is signed in, as the workbench shows it (the unit's name and level are null for an unknown unit). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CurrentUser(String username, String displayName, String unitId, String unitName,
                              UnitLevel unitLevel, List<String> roles, String centre, boolean mustChangePassword) {
    }

    record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + "]";
        }
    }

    record PasswordChange(String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[]";
        }
    }
}
