package org.familystation.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value of the right type that the system refuses (text with control characters, a date outside the
 * network's years). A Jackson input exception, so Jackson adds the path of the field it was reading; the problem
 * handler turns it into a 400 with this code, naming the field.
 */
public class RefusedValueException extends MismatchedInputException {

    private final String code;
    private final String detail;
    private final String detailEn;

    public RefusedValueException(JsonParser parser, Class<?> type, String code, String detail, String detailEn) {
        super(parser, code + ": " + detailEn, type);
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
