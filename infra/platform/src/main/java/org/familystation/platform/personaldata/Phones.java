package org.familystation.platform.personaldata;

import org.familystation.platform.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Set;

/**
 * People's phone numbers as the signed-in user may see them: whole for the roles that call people (administrators
 * and operations), masked for everyone else ({@code 13812341234} → {@code 138****1234}).
 */
public final class Phones {

    private static final Set<String> SEE_WHOLE = Set.of("ROLE_" + Role.ADMIN.name(), "ROLE_" + Role.OPERATOR.name());
    private static final int SHOWN_AT_START = 3;
    private static final int SHOWN_AT_END = 4;

    private Phones() {
    }

    /** The phone as the current user may see it; null stays null. */
    public static String forCurrentUser(String phone) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        boolean whole = user != null && user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(SEE_WHOLE::contains);
        return whole ? phone : masked(phone);
    }

    /**
     * Every digit but the first three and the last four replaced by {@code *}, separators kept; a short number
     * keeps only its last two digits. Text without digits (an erased value) is left as it is.
     */
    public static String masked(String phone) {
        if (phone == null) {
            return null;
        }
        int digits = (int) phone.chars().filter(Character::isDigit).count();
        int start = digits >= SHOWN_AT_START + SHOWN_AT_END + 1 ? SHOWN_AT_START : 0;
        int end = digits >= SHOWN_AT_START + SHOWN_AT_END + 1 ? SHOWN_AT_END : 2;
        StringBuilder masked = new StringBuilder(phone.length());
        int digit = 0;
        for (char c : phone.toCharArray()) {
            if (Character.isDigit(c)) {
                masked.append(digit >= start && digit < digits - end ? '*' : c);
                digit++;
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }
}
