package org.familystation.app.support;

import org.familystation.platform.security.FamilyStationUser;
import org.familystation.platform.security.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.EnumSet;
import java.util.function.Supplier;

/** Calls a query handler directly, as a request of a signed-in user would: queries answer within the user's reach. */
public final class SignedIn {

    private SignedIn() {
    }

    /** What {@code query} answers for an administrator (the whole network). */
    public static <T> T asAdmin(Supplier<T> query) {
        FamilyStationUser admin = new FamilyStationUser("admin", null, "admin", null, EnumSet.of(Role.ADMIN), null);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        try {
            return query.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
