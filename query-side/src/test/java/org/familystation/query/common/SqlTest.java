package org.familystation.query.common;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familystation.query.common.Sql.ArrayColumn.BIGINT;
import static org.familystation.query.common.Sql.ArrayColumn.INTEGER;
import static org.familystation.query.common.Sql.ArrayColumn.SMALLINT;
import static org.familystation.query.common.Sql.ArrayColumn.TEXT;
import static org.familystation.query.common.Sql.ArrayColumn.TIMESTAMPTZ;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The helpers between the read models and JDBC that do not need a database. */
class SqlTest {

    @Test
    void rowsBecomeOneTypedArrayPerColumnWithTheirNulls() {
        List<Object[]> rows = List.of(new Object[]{"a", 1L, null}, new Object[]{"b", null, "z"});

        Object[] columns = Sql.columns(rows, TEXT, BIGINT, TIMESTAMPTZ);

        assertThat(columns).hasSize(3);
        assertThat((String[]) columns[0]).containsExactly("a", "b");
        assertThat((Long[]) columns[1]).containsExactly(1L, null);
        assertThat((String[]) columns[2]).containsExactly(null, "z");
        assertThat((String[]) Sql.columns(List.of(), TEXT)[0]).isEmpty();
    }

    @Test
    void aValueOfAnotherTypeThanItsColumnFailsInsteadOfReachingTheDatabase() {
        List<Object[]> rows = List.<Object[]>of(new Object[]{42});

        assertThatThrownBy(() -> Sql.columns(rows, TEXT)).isInstanceOf(ClassCastException.class);
    }

    @Test
    void theStatementReadsTheColumnsWithTheSameTypesItIsSent() {
        assertThat(Sql.unnest(TEXT, BIGINT, INTEGER, SMALLINT, TIMESTAMPTZ)).isEqualTo("unnest(CAST(? AS TEXT[]), "
                + "CAST(? AS BIGINT[]), CAST(? AS INTEGER[]), CAST(? AS SMALLINT[]), CAST(? AS TIMESTAMPTZ[]))");
        Object[] columns = Sql.columns(List.<Object[]>of(new Object[]{"a", 1L, 2, 3, "2026-12-05T00:00:00Z"}),
                TEXT, BIGINT, INTEGER, SMALLINT, TIMESTAMPTZ);
        assertThat(columns).hasExactlyElementsOfTypes(String[].class, Long[].class, Integer[].class, Integer[].class,
                String[].class);
    }

    @Test
    void valueRowsRepeatTheRowAndContainingEscapesWildcards() {
        assertThat(Sql.valueRows(3, "(?, ?)")).isEqualTo("(?, ?), (?, ?), (?, ?)");
        assertThat(Sql.containing("50%_a\\")).isEqualTo("%50\\%\\_a\\\\%");
        assertThat(Sql.containing("  ")).isNull();
    }
}
