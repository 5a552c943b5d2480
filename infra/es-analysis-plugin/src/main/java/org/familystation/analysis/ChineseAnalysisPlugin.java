package org.familystation.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

import java.util.Map;

/**
 * Chinese analysis for a server that lacks the analysis-common module (the integ-test distribution we embed).
 *
 * <p>Every component is registered under the name a production cluster gives it (analysis-common for the CJK parts,
 * the official analysis-smartcn plugin for smartcn), so one set of index settings works on both. {@code lowercase}
 * is not registered: the server core already provides it, and a name registered twice stops the server.
 */
public class ChineseAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
                "cjk_width", CjkWidthTokenFilterFactory::new,
                "cjk_bigram", CjkBigramTokenFilterFactory::new);
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of("smartcn_tokenizer",
                (indexSettings, environment, name, settings) -> TokenizerFactory.newFactory(name, HMMChineseTokenizer::new));
    }

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of(
                "cjk", CjkAnalyzerProvider::new,
                "smartcn", SmartcnAnalyzerProvider::new);
    }
}
