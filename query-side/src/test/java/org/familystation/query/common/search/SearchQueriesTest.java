package org.familystation.query.common.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Query words as people type them: Chinese input methods produce full-width spaces, letters and digits. */
class SearchQueriesTest {

    @Test
    void splitsWordsOnEverySpaceChineseInputTypes() {
        assertThat(SearchQueries.words(SearchQueries.text("心理\u3000咨询"))).containsExactly("心理", "咨询");
        assertThat(SearchQueries.words(SearchQueries.text("\u3000\u3000心理 \u00a0压力\u2009纠纷\t"))).containsExactly("心理", "压力", "纠纷");
        assertThat(SearchQueries.words(SearchQueries.text("心理咨询"))).containsExactly("心理咨询");
    }

    @Test
    void foldsFullWidthFormsAsTheIndexDoes() {
        assertThat(SearchQueries.text("ＡＩ　课堂１２３")).isEqualTo("AI 课堂123");
    }

    @Test
    void emptyOrSpacesOnlyHasNoWords() {
        assertThat(SearchQueries.text("\u3000 \u3000")).isEmpty();
        assertThat(SearchQueries.words("")).isEmpty();
    }
}
