package org.familystation.app.openapi;

import io.swagger.v3.oas.models.tags.Tag;

import java.util.Map;
import java.util.Optional;

/**
 * The feature areas the OpenAPI document groups its operations by. An operation's area follows from its
 * controller's feature package (the same name on both sides), so a new endpoint needs no annotation to be grouped.
 */
enum Area {
    STATION("家庭驿站 Stations", "开设、暂停、重开、关闭驿站，服务点与特色服务 · opening and running stations"),
    SERVICE_RECORDS("服务记录 Service records", "登记、更正、作废服务记录 · recording, correcting and voiding services"),
    ALLIANCE("品牌联盟 Alliance", "入盟申请、公约、成员生命周期与服务供给 · applications, conventions, members, offerings"),
    REFERRALS("个案转介 Referrals", "驿站转介个案，中心接收、处理、办结 · cases referred by stations and worked by centres"),
    NEEDS("需求调查 Needs surveys", "社区之家的需求调查 · needs surveys of community homes"),
    FUNDING("资金 Funding", "接收、拨付、支出、收回 · receiving, allocating, spending and releasing funds"),
    PEOPLE("人员 People", "社工、妇联工作人员、志愿者及其服务时长 · social workers, federation staff, volunteers"),
    NETWORK("组织网络 Network", "妇联、运营总部、分中心、社区之家 · the unit tree"),
    CATALOGUES("目录 Catalogues", "服务项目等目录 · service projects and other catalogues"),
    DASHBOARDS("看板 Dashboards", "按月份、区县、服务点、项目的统计 · figures by month, district, point and project"),
    SEARCH("全文检索 Search", "服务记录与需求调查的全文检索 · full-text search"),
    HISTORY("历史与审计 History and audit", "实体的变更历史、审计轨迹与导出 · entity history and the audit trail"),
    AS_OF("回溯与评估 As-of and evaluations", "任意日期的网络、评估报告 · the network as of a date, evaluations"),
    ADMIN("系统管理 Administration", "事件处理器、重建、死信、备份（仅管理员） · processors, rebuilds, dead letters, backups (ADMIN)"),
    ACCOUNTS("账号与登录 Accounts and session", "登录会话、修改密码、账号管理 · the web session and accounts"),
    PERSONAL_DATA("个人信息 Personal data", "个人信息的删除 · erasure of personal data"),
    IMPORTS("Excel 导入 Imports", "从 Excel 导入服务记录、需求调查、志愿者、资金 · importing from spreadsheets");

    /** Feature package (last segment, on either side) → area; dashboards and searches go by their paths. */
    private static final Map<String, Area> BY_PACKAGE = Map.ofEntries(
            Map.entry("station", STATION), Map.entry("servicerecord", SERVICE_RECORDS),
            Map.entry("alliance", ALLIANCE), Map.entry("offering", ALLIANCE),
            Map.entry("referral", REFERRALS), Map.entry("needs", NEEDS), Map.entry("funding", FUNDING),
            Map.entry("people", PEOPLE), Map.entry("network", NETWORK), Map.entry("catalogue", CATALOGUES),
            Map.entry("dashboard", DASHBOARDS), Map.entry("history", HISTORY),
            Map.entry("audit", HISTORY), Map.entry("asof", AS_OF), Map.entry("evaluation", AS_OF),
            Map.entry("admin", ADMIN), Map.entry("sagacommand", ADMIN), Map.entry("backup", ADMIN), Map.entry("account", ACCOUNTS),
            Map.entry("personaldata", PERSONAL_DATA), Map.entry("importing", IMPORTS));

    final String tag;
    private final String description;

    Area(String tag, String description) {
        this.tag = tag;
        this.description = description;
    }

    /**
     * The operation's area: the audit, dashboard and search paths by themselves (a dashboard or a search lives in
     * the feature it reads), else the controller's package; empty for a package not listed (OpenApiDocumentTest
     * then finds springdoc's default tag).
     */
    static Optional<Area> of(Class<?> controller, String path) {
        if (path.startsWith("/api/audit/")) {
            return Optional.of(HISTORY);
        }
        if (path.startsWith("/api/dashboard/")) {
            return Optional.of(DASHBOARDS);
        }
        if (path.endsWith("/search")) {
            return Optional.of(SEARCH);
        }
        String packageName = controller.getPackageName();
        return Optional.ofNullable(BY_PACKAGE.get(packageName.substring(packageName.lastIndexOf('.') + 1)));
    }

    Tag toTag() {
        return new Tag().name(tag).description(description);
    }
}
