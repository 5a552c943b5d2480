package org.familystation.query.common;

import org.familystation.platform.error.DomainException;
import org.familystation.platform.error.Refusal;

/** Page and size as clients send them, checked. */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 100;

    static final Refusal PAGE_INVALID = Refusal.invalidInput("PAGE_INVALID",
            "分页参数无效：page 从 0 开始，size 为 1 到 %s", "page counts from 0 and size is from 1 to %s");

    public static Paging of(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw DomainException.refuseField(PAGE_INVALID, page < 0 ? "page" : "size", MAX_SIZE);
        }
        return new Paging(page, size);
    }

    /** How many items come before the page: a long, as page × size can exceed an int (page 2147483647). */
    public long offset() {
        return (long) page * size;
    }
}
