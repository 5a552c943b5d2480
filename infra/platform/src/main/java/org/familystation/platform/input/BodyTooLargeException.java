package org.familystation.platform.input;

import java.io.IOException;

/** A request body found, while it was read, to be larger than {@code familystation.input.max-body-size}. */
public class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
