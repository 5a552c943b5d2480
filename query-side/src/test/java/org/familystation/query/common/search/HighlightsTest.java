package org.familystation.query.common.search;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HighlightsTest {

    @Test
    void storedTextIsEscapedAndOnlyTheMarkersAreMarkup() {
        String marked = "<script>alert(1)</script> 亲子" + Highlights.START + "阅读" + Highlights.END
                + " <img src=x onerror=\"alert('x')\"> & <em>假的</em>";
        assertThat(Highlights.fragment(marked)).isEqualTo(
                "&lt;script&gt;alert(1)&lt;/script&gt; 亲子<em>阅读</em> &lt;img src=x onerror=&quot;alert(&#39;x&#39;)"
                        + "&quot;&gt; &amp; &lt;em&gt;假的&lt;/em&gt;");
    }

    @Test
    void everyFragmentOfEveryFieldIsEscaped() {
        Map<String, List<String>> escaped = Highlights.escaped(Map.of("description",
                List.of(Highlights.START + "a" + Highlights.END + "<b>", "c")));
        assertThat(escaped).containsEntry("description", List.of("<em>a</em>&lt;b&gt;", "c"));
        assertThat(Highlights.escaped(null)).isNull();
    }
}
