package org.familystation.command.importing;

import org.familystation.command.funding.ReceiveFunds;
import org.familystation.events.common.FundingSource;

import java.util.List;

/** Funds received (资金到账): one row is one {@link ReceiveFunds}, as POST /api/funds sends it. */
final class FundRows implements RowMapping {

    private static final List<Column> COLUMNS = List.of(
            new Column("资金来源", "专项经费、社会资助、公益创投补贴、政府购买服务、协会募集，或其代码"),
            new Column("资助方", "捐助方，或资金所属的项目"),
            new Column("金额（元）", "以元计，最多两位小数（如 50000.00）"),
            new Column("到账时间", "yyyy-MM-dd HH:mm，北京时间"),
            new Column("备注", "选填"));

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Object command(String id, ImportRow row) {
        return ReceiveFunds.read(id, row.code(0, FundingSource.class, FundingSource::label), row.text(1), row.fen(2),
                row.time(3), row.text(4), row.clock());
    }
}
