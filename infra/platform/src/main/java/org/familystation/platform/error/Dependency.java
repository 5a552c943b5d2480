package org.familystation.platform.error;

/**
 * A server a request may need and that can be down while the application runs: each answers 503 with its own
 * problem code and a {@code Retry-After}, so clients and load balancers can tell an outage from a bug (500).
 */
public enum Dependency {

    /** PostgreSQL: the event store and the read store. */
    DATABASE("DATABASE_UNAVAILABLE", "数据库暂时无法访问或响应超时，请稍后重试",
            "the database is unavailable or did not answer in time; try again shortly"),
    /** Elasticsearch: full-text search. */
    SEARCH("SEARCH_UNAVAILABLE", "全文检索服务暂时无法访问或响应超时，请稍后重试（其他功能不受影响）",
            "search is unavailable or did not answer in time; try again shortly (everything else still works)");

    /** What {@code Retry-After} tells a client: long enough for a pool or a restarted server, short for a user. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private final String code;
    private final String detail;
    private final String detailEn;

    Dependency(String code, String detail, String detailEn) {
        this.code = code;
        this.detail = detail;
        this.detailEn = detailEn;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public String detailEn() {
        return detailEn;
    }
}
