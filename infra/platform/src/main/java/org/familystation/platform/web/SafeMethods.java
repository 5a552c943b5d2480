package org.familystation.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Set;

/**
 * The HTTP methods that change nothing on the server (RFC 9110, "Safe Methods"): what needs no CSRF token
 * ({@code WebSessions}) and takes no turn among the changes ({@code ChangeAdmission}).
 */
public final class SafeMethods {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private SafeMethods() {
    }

    public static boolean isSafe(HttpServletRequest request) {
        return SAFE.contains(request.getMethod());
    }
}
