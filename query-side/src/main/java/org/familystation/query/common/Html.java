package org.familystation.query.common;

/** Text put into HTML: what a user typed never becomes markup. */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        escape(text, 0, text.length(), escaped);
        return escaped.toString();
    }

    /** Appends {@code text[from, to)} escaped to {@code html}. */
    public static void escape(String text, int from, int to, StringBuilder html) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
    }
}
