package org.familystation.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;

/**
 * {@code cjk_width}: folds full-width ASCII to half-width and half-width katakana to full-width. Normalizing, so
 * keyword normalizers and wildcard queries fold the same way as indexed text.
 */
final class CjkWidthTokenFilterFactory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {

    CjkWidthTokenFilterFactory(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
        super(name, settings);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new CJKWidthFilter(tokenStream);
    }
}
