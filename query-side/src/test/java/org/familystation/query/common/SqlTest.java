package org.familystation.query.common;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The helpers between the read models and JDBC that do not need a database. */
class SqlTest {

    @Test
    void rowsBecomeOneTypedArrayPerColumnWithTheirNulls() {
        List<Object[]> rows = List.of(new Object[]{"a", 1L, null}, new Object[]{"b", null, "z"});

        Object[] columns = Sql.columns(rows, String.class, Long.class, String.class);

        assertThat(columns).hasSize(3);
        assertThat((String[]) columns[0]).containsExactly("a", "b");
        assertThat((Long[]) columns[1]).containsExactly(1L, null);
        assertThat((String[]) columns[2]).containsExactly(null, "z");
        assertThat((String[]) Sql.columns(List.of(), String.class)[0]).isEmpty();
    }

    @Test
    void aValueOfAnotherTypeThanItsColumnFailsInsteadOfReachingTheDatabase() {
        List<Object[]> rows = List.<Object[]>of(new Object[]{42});

        assertThatThrownBy(() -> Sql.columns(rows, String.class)).isInstanceOf(ClassCastException.class);
    }

    @Test
    void valueRowsRepeatTheRowAndContainingEscapesWildcards() {
        assertThat(Sql.valueRows(3, "(?, ?)")).isEqualTo("(?, ?), (?, ?), (?, ?)");
        assertThat(Sql.containing("50%_a\\")).isEqualTo("%50\\%\\_a\\\\%");
        assertThat(Sql.containing("  ")).isNull();
    }
}
