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
            new Column("社工编号", "服务提供方为社工时填写在本驿站服务的社工编号，多人用分号分隔"),
            new Column("工作人员编号", "服务提供方为妇女工作者时填写工作人员编号，多人用分号分隔"),
            new Column("志愿者及时长", "志愿者编号:服务分钟数，多人用分号分隔（如 V001:90; V002:60）"),
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
                row.list(5),
                row.list(6),
                row.pairs(7, "应为“志愿者编号:分钟数”，用分号分隔（如 V001:90; V002:60）",
                                "volunteer:minutes pairs separated by semicolons (such as V001:90; V002:60)")
                        .stream().map(pair -> new ServiceInput.VolunteerMinutes(pair.getKey(), pair.getValue()))
                        .toList(),
                row.time(8),
                row.integer(9),
                row.text(10),
                row.text(11),
                row.integer(12),
                row.text(13)).record(row.clock()));
    }
}
