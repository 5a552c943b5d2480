package org.familystation.events.common;

/** How an offered service is paid for: free (公益), subsidised, or paid (商务). */
public enum Pricing {
    FREE("公益（免费）"),
    SUBSIDISED("补贴"),
    PAID("商务（收费）");

    private final String label;

    Pricing(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
