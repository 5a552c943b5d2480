package org.familystation.command.common;

import org.familystation.platform.error.DomainException;
import org.familystation.platform.error.Refusal;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.function.Executable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    /** Reading what was sent into a command is refused so, on that field (null: on none). */
    public static void assertRefused(Refusal refusal, String field, Executable reading) {
        DomainException refused = assertThrows(DomainException.class, reading);
        assertThat(refused.refusal()).isEqualTo(refusal);
        assertThat(refused.field().orElse(null)).isEqualTo(field);
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
