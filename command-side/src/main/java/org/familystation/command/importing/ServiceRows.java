package org.familystation.command.importing;

import org.familystation.command.servicerecord.RecordService;
import org.familystation.command.servicerecord.ServiceInput;
import org.familystation.events.common.ProviderKind;
import org.familystation.events.common.StationPoint;

import java.util.List;

/** Services (服务记录): one row is one {@link RecordService}, as POST /api/stations/{id}/service-records sends it. */
final class ServiceRows implements RowMapping {

    private static final List<Column> COLUMNS = List.of(
            new Column("驿站编号", "家庭驿站的编号（stationId）"),
            new Column("驿站点", "情感驿站、创业驿站、快乐驿站、文化驿站、便民驿站，或其代码（如 EMOTIONAL）"),
            new Column("服务项目代码", "服务项目目录中的代码（如 HOUSEKEEPING）"),
            new Column("服务提供方类型", "联盟成员、妇女工作者、社工、巾帼志愿者，或其代码（如 SOCIAL_WORKER）"),
            new Column("联盟成员编号", "服务提供方为联盟成员时填写成员编号"),
            new Column("服务提供人", "服务提供方不是联盟成员时填写提供服务的人"),
            new Column("服务时间", "yyyy-MM-dd HH:mm，北京时间（如 2025-03-08 09:30）"),
            new Column("服务人数", "整数，1 至 10000"),
            new Column("服务内容", "必填，不超过 4000 字"),
            new Column("服务成效", "选填"),
            new Column("满意度", "选填，1 至 5 的整数"),
            new Column("反馈", "选填"));

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Object command(String id, ImportRow row) {
        return new RecordService(id, row.text(0), new ServiceInput(
                row.code(1, StationPoint.class, StationPoint::label),
                row.text(2),
                row.code(3, ProviderKind.class, ProviderKind::label),
                row.text(4),
                row.text(5),
                row.time(6),
                row.integer(7),
                row.text(8),
                row.text(9),
                row.integer(10),
                row.text(11)));
    }
}
