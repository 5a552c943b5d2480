package org.familystation.command.importing;

import org.familystation.command.people.RegisterVolunteer;

import java.util.List;

/** Volunteers (巾帼志愿者): one row is one {@link RegisterVolunteer}, as POST /api/volunteers sends it. */
final class VolunteerRows implements RowMapping {

    private static final List<Column> COLUMNS = List.of(
            new Column("姓名", "必填"),
            new Column("志愿者编号", "全市唯一，3 至 30 个字母、数字或连字符"),
            new Column("电话", "选填"),
            new Column("所属单位编号", "志愿者登记所在的单位（通常是妇女儿童之家）；留空为全市"));

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Object command(String id, ImportRow row) {
        return RegisterVolunteer.read(id, row.text(0), row.text(1), row.text(2), row.text(3));
    }
}
