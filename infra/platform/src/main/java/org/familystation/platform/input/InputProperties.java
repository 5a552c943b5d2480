package org.familystation.platform.input;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a request may carry ({@code familystation.input.*}): how big a body, how deep its JSON.
 */
@ConfigurationProperties("familystation.input")
public class InputProperties {

    /** Largest request body accepted; a larger one is refused with 413 before it is read. */
    private DataSize maxBodySize = DataSize.ofMegabytes(1);
    /** Largest spreadsheet upload accepted (POST /api/imports/…), which the body limit above would refuse. */
    private DataSize maxUploadSize = DataSize.ofMegabytes(10);
    /** Deepest nesting of JSON objects and arrays accepted (commands need a handful of levels). */
    private int maxNestingDepth = 32;

    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public DataSize getMaxUploadSize() {
        return maxUploadSize;
    }

    public void setMaxUploadSize(DataSize maxUploadSize) {
        this.maxUploadSize = maxUploadSize;
    }

    public int getMaxNestingDepth() {
        return maxNestingDepth;
    }

    public void setMaxNestingDepth(int maxNestingDepth) {
        this.maxNestingDepth = maxNestingDepth;
    }
}
