package org.familystation.query.search;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The search indexes ({@code familystation.search.*}). */
@ConfigurationProperties("familystation.search")
public class SearchProperties {

    /** The alias searches of service records go through; the index behind it can be rebuilt and swapped. */
    private String alias = "service-records";

    /** The alias of the needs-survey index. */
    private String needsSurveyAlias = "needs-surveys";

    /** Replicas of each index: 0 for one node (the embedded default), at least 1 on a real cluster. */
    private int replicas = 0;

    public String getAlias() {
        return alias;
    }

    public void setAlias(String alias) {
        this.alias = alias;
    }

    public String getNeedsSurveyAlias() {
        return needsSurveyAlias;
    }

    public void setNeedsSurveyAlias(String needsSurveyAlias) {
        this.needsSurveyAlias = needsSurveyAlias;
    }

    public int getReplicas() {
        return replicas;
    }

    public void setReplicas(int replicas) {
        this.replicas = replicas;
    }
}
