package org.familystation.events.common;

/** The catalogues users extend without a code change. */
public enum CatalogueKind {
    SERVICE_PROJECT("服务项目"),
    NEED_CATEGORY("需求类别"),
    SPECIALTY_SERVICE("特色服务");

    private final String label;

    CatalogueKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
