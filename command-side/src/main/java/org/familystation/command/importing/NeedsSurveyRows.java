package org.familystation.command.importing;

import org.familystation.command.needs.RecordNeedsSurvey;
import org.familystation.command.needs.SurveyInput;
import org.familystation.command.needs.SurveyInput.NeedInput;
import org.familystation.events.common.SurveyChannel;

import java.util.List;

/**
 * Needs surveys (需求调研): one row is one {@link RecordNeedsSurvey}, as POST /api/units/{id}/needs-surveys sends it.
 * The needs are one cell, {@code 类别代码:人数} pairs separated by semicolons.
 */
final class NeedsSurveyRows implements RowMapping {

    private static final List<Column> COLUMNS = List.of(
            new Column("妇女儿童之家编号", "调研所在的妇女儿童之家（社区）的单位编号"),
            new Column("调研日期", "yyyy-MM-dd（如 2025-03-08）"),
            new Column("调研方式", "社区走访、蹲点调研、网站、微博、“新女性”APP，或其代码（如 COMMUNITY_VISIT）"),
            new Column("受访人数", "整数"),
            new Column("需求", "需求类别代码:提出人数，用分号分隔（如 HOUSEKEEPING:12; FAMILY_EDUCATION:5）"),
            new Column("备注", "选填"));

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Object command(String id, ImportRow row) {
        return new RecordNeedsSurvey(id, row.text(0), new SurveyInput(
                row.date(1),
                row.code(2, SurveyChannel.class, SurveyChannel::label),
                row.integer(3),
                needs(row, 4),
                row.text(5)).record(row.clock(), row.zone()));
    }

    private static List<NeedInput> needs(ImportRow row, int column) {
        return row.pairs(column, "应为“类别代码:人数”，用分号分隔（如 HOUSEKEEPING:12; FAMILY_EDUCATION:5）",
                        "category:count pairs separated by semicolons (such as HOUSEKEEPING:12; FAMILY_EDUCATION:5)")
                .stream().map(pair -> new NeedInput(pair.getKey(), pair.getValue())).toList();
    }
}
