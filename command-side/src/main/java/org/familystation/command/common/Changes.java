package org.familystation.command.common;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What a correction changed, for the {@code changedFields} of a "…Corrected" event. */
public final class Changes {

    private Changes() {
    }

    /** The names of the record's components whose values differ between {@code before} and {@code after}. */
    public static <R extends Record> List<String> changedFields(R before, R after) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent component : before.getClass().getRecordComponents()) {
            try {
                if (!Objects.equals(component.getAccessor().invoke(before), component.getAccessor().invoke(after))) {
                    changed.add(component.getName());
                }
            } catch (ReflectiveOperationException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return changed;
    }
}
