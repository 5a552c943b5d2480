package org.familystation.query.common.search;

import org.springframework.web.util.HtmlUtils;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Highlighted passages that are safe to put into a page as they come: the stored text is HTML-escaped and only the
 * highlight markers are markup ({@code <em>}, {@code </em>}). Elasticsearch marks the passages with markers no stored
 * text can contain (random for each process), so a description holding {@code <em>} or {@code <script>} cannot pass
 * for markup.
 */
final class Highlights {

    private static final String NONCE = HexFormat.of().formatHex(SecureRandom.getSeed(12));
    static final String START = "\uE000hl-start-" + NONCE + "\uE001";
    static final String END = "\uE000hl-end-" + NONCE + "\uE001";

    private Highlights() {
    }

    static Map<String, List<String>> escaped(Map<String, List<String>> highlights) {
        if (highlights == null || highlights.isEmpty()) {
            return highlights;
        }
        Map<String, List<String>> escaped = new LinkedHashMap<>();
        highlights.forEach((field, fragments) ->
                escaped.put(field, fragments.stream().map(Highlights::fragment).toList()));
        return escaped;
    }

    /** One fragment: the text between markers escaped, the markers as {@code <em>} and {@code </em>}. */
    static String fragment(String marked) {
        StringBuilder html = new StringBuilder(marked.length() + 16);
        int at = 0;
        while (at < marked.length()) {
            int start = marked.indexOf(START, at);
            int end = marked.indexOf(END, at);
            int next = nearest(start, end);
            if (next < 0) {
                html.append(HtmlUtils.htmlEscape(marked.substring(at), "UTF-8"));
                break;
            }
            html.append(HtmlUtils.htmlEscape(marked.substring(at, next), "UTF-8"));
            boolean opening = next == start;
            html.append(opening ? "<em>" : "</em>");
            at = next + (opening ? START : END).length();
        }
        return html.toString();
    }

    private static int nearest(int a, int b) {
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : Math.min(a, b);
    }
}
