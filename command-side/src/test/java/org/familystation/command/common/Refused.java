package org.familystation.command.common;

import org.familystation.platform.error.DomainException;
import org.familystation.platform.error.Refusal;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a {@link DomainException} with a given refusal (and, optionally, field). */
public final class Refused extends TypeSafeMatcher<DomainException> {

    private final Refusal refusal;
    private final String field;

    private Refused(Refusal refusal, String field) {
        super(DomainException.class);
        this.refusal = refusal;
        this.field = field;
    }

    public static Matcher<DomainException> with(Refusal refusal) {
        return new Refused(refusal, null);
    }

    public static Matcher<DomainException> with(Refusal refusal, String field) {
        return new Refused(refusal, field);
    }

    @Override
    protected boolean matchesSafely(DomainException exception) {
        return exception.refusal().equals(refusal)
                && (field == null || field.equals(exception.field().orElse(null)));
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("refusal " + refusal.code() + (field == null ? "" : " on field " + field));
    }

    @Override
    protected void describeMismatchSafely(DomainException exception, Description description) {
        description.appendText("was " + exception.code() + " on field " + exception.field().orElse("-"));
    }
}
