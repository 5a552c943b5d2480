package org.familystation.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.familystation.platform.error.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;

/**
 * The problem documents of signing in, for HTTP Basic (as its entry point) and the web session's sign-in alike:
 * 429 {@code TOO_MANY_ATTEMPTS} with {@code Retry-After} while locked out, 401 {@code ACCOUNT_DISABLED}, and 401
 * for everything else ({@code BAD_CREDENTIALS} at the session's sign-in, {@code UNAUTHENTICATED} for a request that
 * lacks valid credentials).
 */
public class SignInProblems implements AuthenticationEntryPoint {

    private final ObjectMapper objectMapper;

    public SignInProblems(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"family-station\"");
        write(response, exception, unauthenticated());
    }

    /** No valid credentials and no session: sign in first. */
    public static ProblemDetail unauthenticated() {
        return Problems.problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "请先登录", "log in first");
    }

    /** The answer to a refused sign-in with username and password. */
    public void refusedSignIn(HttpServletResponse response, AuthenticationException exception) throws IOException {
        write(response, exception, Problems.problem(HttpStatus.UNAUTHORIZED, "BAD_CREDENTIALS",
                "用户名或密码错误", "wrong username or password"));
    }

    private void write(HttpServletResponse response, AuthenticationException exception, ProblemDetail otherwise)
            throws IOException {
        ProblemDetail problem = otherwise;
        if (exception instanceof SignInThrottledException throttled) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            problem = Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_ATTEMPTS",
                    "登录失败次数过多，请 %s 秒后再试".formatted(throttled.retryAfterSeconds()),
                    "too many failed sign-ins; try again in %s seconds".formatted(throttled.retryAfterSeconds()));
        } else if (exception instanceof DisabledException) {
            problem = Problems.problem(HttpStatus.UNAUTHORIZED, "ACCOUNT_DISABLED",
                    "该账号已停用，请联系管理员", "this account is disabled; ask an administrator");
        }
        Problems.write(response, objectMapper, problem);
    }
}
