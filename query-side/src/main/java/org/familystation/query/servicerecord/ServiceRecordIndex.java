package org.familystation.query.servicerecord;

import org.familystation.query.common.search.SearchClient;
import org.familystation.query.common.search.SearchIndex;
import org.familystation.query.common.search.SearchProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** The service-record index; its settings and mappings are in {@code search/service-records-index.json}. */
@Component
public class ServiceRecordIndex extends SearchIndex {

    public ServiceRecordIndex(SearchClient client, SearchProperties properties, Clock clock) {
        super(client, properties.getAlias(), "/search/service-records-index.json", properties.getReplicas(),
                properties.getRefreshInterval(), clock);
    }
}
