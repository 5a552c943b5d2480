package org.familystation.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.lucene.analysis.miscellaneous.DisableGraphAttribute;

import java.util.Locale;
import java.util.Map;

/**
 * {@code cjk_bigram}: turns runs of Han, Hiragana, Katakana and Hangul characters into overlapping bigrams.
 * Options as in analysis-common: {@code ignored_scripts} (any of han, hiragana, katakana, hangul: left as single
 * characters) and {@code output_unigrams} (emit the single characters as well).
 */
final class CjkBigramTokenFilterFactory extends AbstractTokenFilterFactory {

    private static final Map<String, Integer> SCRIPTS = Map.of(
            "han", CJKBigramFilter.HAN,
            "hiragana", CJKBigramFilter.HIRAGANA,
            "katakana", CJKBigramFilter.KATAKANA,
            "hangul", CJKBigramFilter.HANGUL);

    private final int scripts;
    private final boolean outputUnigrams;

    CjkBigramTokenFilterFactory(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
        super(name, settings);
        int flags = CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL;
        for (String script : settings.getAsList("ignored_scripts")) {
            Integer flag = SCRIPTS.get(script.toLowerCase(Locale.ROOT));
            if (flag == null) {
                throw new IllegalArgumentException(
                        "[" + name + "] unknown script [" + script + "] in ignored_scripts, expected one of " + SCRIPTS.keySet());
            }
            flags &= ~flag;
        }
        this.scripts = flags;
        this.outputUnigrams = settings.getAsBoolean("output_unigrams", false);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        CJKBigramFilter filter = new CJKBigramFilter(tokenStream, scripts, outputUnigrams);
        if (outputUnigrams) {
            // Unigrams and bigrams overlap without forming aligned paths; building a query graph from them multiplies
            // the paths for nothing, so query parsing must treat the stream as flat (as analysis-common does).
            filter.addAttribute(DisableGraphAttribute.class);
        }
        return filter;
    }
}
