package org.familystation.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.familystation.platform.error.Problems;
import org.familystation.platform.web.SafeMethods;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The workbench's web session beside HTTP Basic (docs/API.md, "Accounts and sign-in"): signing in with username and
 * password starts a session (cookie, HttpOnly, SameSite=Lax) and hands out a CSRF token in the {@code XSRF-TOKEN}
 * cookie, which every unsafe request made with the session cookie must echo in {@code X-XSRF-TOKEN}; a request
 * with no session cookie (a script using HTTP Basic) needs none, since no browser adds its credentials by itself.
 * A session ends after the configured idle time. Each request of a session reads the account again, so a disabled
 * account or a new password ends its sessions and a changed unit or role counts from the next request; an account whose password
 * was set by an administrator may do nothing but change it.
 */
public class WebSessions {

    /** The workbench's static files and client-side routes: every GET outside the API, its docs and the actuator. */
    public static final RequestMatcher WORKBENCH_FILES = request -> HttpMethod.GET.matches(request.getMethod())
            && !path(request).startsWith("/api/") && !path(request).startsWith("/v3/")
            && !path(request).startsWith("/swagger-ui") && !path(request).startsWith("/actuator/");

    private static final String SESSION_API = "/api/session";

    private final AccountDirectory accounts;
    private final ConfiguredAccounts configured;
    private final CredentialCheck credentials;
    private final SignInProperties properties;
    private final ObjectMapper objectMapper;
    private final CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
    private final HttpSessionSecurityContextRepository sessionContexts = new HttpSessionSecurityContextRepository();

    public WebSessions(AccountDirectory accounts, ConfiguredAccounts configured, CredentialCheck credentials,
                       SignInProperties properties, ObjectMapper objectMapper) {
        this.accounts = accounts;
        this.configured = configured;
        this.credentials = credentials;
        this.properties = properties;
        this.objectMapper = objectMapper;
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
    }

    /** Sessions, CSRF and the filters above, on the API's security chain. */
    public void configure(HttpSecurity http) throws Exception {
        http.authenticationManager(new ProviderManager(credentials))
                // Spring Security never starts a session: signing in does (signIn, below). With IF_REQUIRED every
                // HTTP Basic request stored its signed-in account as a new session in PostgreSQL (two inserts and a
                // commit per request, a third of a RecordService's statements' time; BENCHMARKS.md).
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                // An API answers 401, it does not remember a request to replay after a login page.
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        // The workbench echoes the cookie's value as it is (no per-request masking to undo).
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(WebSessions::needsCsrfToken)
                        .withObjectPostProcessor(new ObjectPostProcessor<CsrfFilter>() {
                            @Override
                            public <O extends CsrfFilter> O postProcess(O filter) {
                                filter.setAccessDeniedHandler((request, response, denied) ->
                                        Problems.write(response, objectMapper, Problems.problem(
                                                HttpStatus.FORBIDDEN, "CSRF_TOKEN_INVALID",
                                                "请求缺少有效的 CSRF 令牌（X-XSRF-TOKEN 请求头应与 XSRF-TOKEN Cookie 一致）",
                                                "the request lacks a valid CSRF token (the X-XSRF-TOKEN header must "
                                                        + "echo the XSRF-TOKEN cookie)")));
                                return filter;
                            }
                        }))
                .addFilterBefore(new SessionAccountRefresh(), BasicAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeGate(), BasicAuthenticationFilter.class);
    }

    /**
     * Signs in with username and password: a new session (never the one the request came with: no session
     * fixation) holding the user, with the idle timeout, and a fresh CSRF token.
     *
     * @throws org.springframework.security.core.AuthenticationException refused (answer with {@link SignInProblems})
     */
    public FamilyStationUser signIn(HttpServletRequest request, HttpServletResponse response, String username,
                                    String password) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(
                username == null ? "" : username, password == null ? "" : password);
        attempt.setDetails(new WebAuthenticationDetails(request));
        Authentication authenticated = credentials.authenticate(attempt);
        HttpSession previous = request.getSession(false);
        if (previous != null) {
            previous.invalidate();
        }
        request.getSession(true).setMaxInactiveInterval(
                (int) Math.max(1, properties.getSessionIdleTimeout().toSeconds()));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authenticated);
        SecurityContextHolder.setContext(context);
        sessionContexts.saveContext(context, request, response);
        csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
        return (FamilyStationUser) authenticated.getPrincipal();
    }

    /** Keeps the request's session signed in as the account is now, after its holder changed the password in it. */
    public void renew(HttpServletRequest request, HttpServletResponse response) {
        Optional<FamilyStationUser> signedIn = currentUser();
        if (signedIn.isPresent() && request.getSession(false) != null) {
            accounts.find(signedIn.get().username()).ifPresent(user -> {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
                SecurityContextHolder.setContext(context);
                sessionContexts.saveContext(context, request, response);
            });
        }
    }

    /** Ends the request's session, if any, and drops its CSRF token. */
    public void signOut(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        csrfTokens.saveToken(null, request, response);
    }

    /** The signed-in user of this request (session or HTTP Basic), if any. */
    public static Optional<FamilyStationUser> currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof FamilyStationUser user
                ? Optional.of(user) : Optional.empty();
    }

    /** Unsafe methods made with a session cookie, except signing in (which starts a new session anyway). */
    private static boolean needsCsrfToken(HttpServletRequest request) {
        return !SafeMethods.isSafe(request) && request.getRequestedSessionId() != null
                && !(HttpMethod.POST.matches(request.getMethod()) && SESSION_API.equals(path(request)));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Replaces a session's user with the account as it is now; ends the session of a disabled or removed one. */
    private final class SessionAccountRefresh extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Optional<FamilyStationUser> signedIn = currentUser();
            HttpSession session = request.getSession(false);
            if (signedIn.isPresent() && session != null) {
                // A new password (reset, or changed in another session) ends the sessions signed in with the old one.
                Optional<FamilyStationUser> now = accounts.find(signedIn.get().username())
                        .filter(FamilyStationUser::enabled)
                        .filter(user -> samePassword(user, signedIn.get()));
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                if (now.isPresent()) {
                    context.setAuthentication(
                            UsernamePasswordAuthenticationToken.authenticated(now.get(), null, now.get().getAuthorities()));
                } else {
                    session.invalidate();
                }
                SecurityContextHolder.setContext(context);
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * The session was signed in with the account's password as it is now. A configuration account's password cannot
     * change while the system runs, and each node hashes a plain one ({@code {noop}}) at its own start, with its own
     * salt: the hash a session was signed in with on another node differs and still is the same password.
     */
    private boolean samePassword(FamilyStationUser now, FamilyStationUser signedIn) {
        return Objects.equals(now.password(), signedIn.password())
                || configured.find(now.username())
                        .filter(user -> Objects.equals(user.password(), now.password())).isPresent();
    }

    /** While an account must change its password, every API call but the session's own answers 403. */
    private final class PasswordChangeGate extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = path(request);
            if (currentUser().filter(FamilyStationUser::mustChangePassword).isPresent() && path.startsWith("/api/")
                    && !path.equals(SESSION_API) && !path.startsWith(SESSION_API + "/")) {
                Problems.write(response, objectMapper, Problems.problem(HttpStatus.FORBIDDEN,
                        "PASSWORD_CHANGE_REQUIRED", "请先修改管理员设置的初始密码（POST /api/session/password）",
                        "change the password an administrator set first (POST /api/session/password)"));
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
