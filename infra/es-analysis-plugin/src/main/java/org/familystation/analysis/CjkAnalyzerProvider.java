package org.familystation.analysis;

import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.Analysis;

/**
 * {@code cjk}: standard tokenizer, cjk_width, lowercase, cjk_bigram, then stop words ({@code stopwords} /
 * {@code stopwords_path}, default Lucene's CJK list), like the built-in analyzer of a production cluster.
 */
final class CjkAnalyzerProvider extends AbstractIndexAnalyzerProvider<CJKAnalyzer> {

    private final CJKAnalyzer analyzer;

    CjkAnalyzerProvider(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
        super(name, settings);
        this.analyzer = new CJKAnalyzer(Analysis.parseStopWords(environment, settings, CJKAnalyzer.getDefaultStopSet()));
    }

    @Override
    public CJKAnalyzer get() {
        return analyzer;
    }
}
