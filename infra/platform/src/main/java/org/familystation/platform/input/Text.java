package org.familystation.platform.input;

/**
 * What text the system stores: any Unicode except NUL and the other C0 control characters (tab, line feed and
 * carriage return are text), and except lone UTF-16 surrogates, which no encoding can store (PostgreSQL would
 * replace them, search would index something else). A NUL accepted once made a projection dead-letter its record.
 */
public final class Text {

    private Text() {
    }

    /** The index of the first character that is not text, or -1 when it is all text. */
    public static int firstForbidden(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    public static boolean isText(String text) {
        return firstForbidden(text) < 0;
    }
}
