package org.familystation.events.common;

/**
 * Where money comes from (DOMAIN.md §6: "a bit from the federation, a bit from society, a bit from venture
 * philanthropy").
 */
public enum FundingSource {
    FEDERATION_SPECIAL_FUNDS("专项经费"),
    SOCIAL_DONATION("社会资助"),
    VENTURE_PHILANTHROPY_SUBSIDY("公益创投补贴"),
    GOVERNMENT_PURCHASE("政府购买服务"),
    ASSOCIATION_FUNDRAISING("协会募集");

    private final String label;

    FundingSource(String label) {
        this.label = label;
    }

    /** What users see. */
    public String label() {
        return label;
    }
}
