package org.familystation.platform.search;

import java.net.URI;

/**
 * Where the Elasticsearch cluster answers. Configured with {@code familystation.elasticsearch.url} for a real
 * cluster; the embedded-servers module provides one backed by a server it starts itself.
 */
public interface ElasticsearchEndpoint {

    /** The base URI (for example {@code http://127.0.0.1:9200}); blocks until the cluster answers. */
    URI uri();
}
