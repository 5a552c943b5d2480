package org.familystation.query.needs;

import org.familystation.query.common.search.SearchClient;
import org.familystation.query.common.search.SearchIndex;
import org.familystation.query.common.search.SearchProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** The needs-survey index; its settings and mappings are in {@code search/needs-surveys-index.json}. */
@Component
public class NeedsSurveyIndex extends SearchIndex {

    public NeedsSurveyIndex(SearchClient client, SearchProperties properties, Clock clock) {
        super(client, properties.getNeedsSurveyAlias(), "/search/needs-surveys-index.json", properties.getReplicas(),
                properties.getRefreshInterval(), clock);
    }
}
