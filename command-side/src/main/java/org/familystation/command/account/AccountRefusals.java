package org.familystation.command.account;

import org.familystation.platform.error.Refusal;

/** Every reason a command about accounts is refused. */
public final class AccountRefusals {

    public static final Refusal USERNAME_INVALID = Refusal.invalidInput("USERNAME_INVALID",
            "用户名“%s”无效：3 到 32 个小写字母、数字、点、连字符或下划线，以字母开头",
            "username \"%s\" is invalid: 3 to 32 lower-case letters, digits, dots, hyphens or underscores, "
                    + "starting with a letter");
    public static final Refusal USERNAME_TAKEN = Refusal.conflict("USERNAME_TAKEN",
            "用户名 %s 已被使用", "username %s is already taken");
    public static final Refusal DISPLAY_NAME_INVALID = Refusal.invalidInput("DISPLAY_NAME_INVALID",
            "显示名称不能为空，且不超过 %s 个字", "the display name must not be blank and at most %s characters");
    public static final Refusal UNIT_UNKNOWN = Refusal.notFound("UNIT_UNKNOWN",
            "机构 %s 不存在", "organisation unit %s does not exist");
    public static final Refusal ROLES_REQUIRED = Refusal.invalidInput("ROLES_REQUIRED",
            "请至少给账号一个角色（ADMIN、OPERATOR、STATION_WORKER、CENTRE_STAFF、AUDITOR）",
            "give the account at least one role (ADMIN, OPERATOR, STATION_WORKER, CENTRE_STAFF, AUDITOR)");
    public static final Refusal ROLE_UNKNOWN = Refusal.invalidInput("ROLE_UNKNOWN",
            "角色“%s”未知（可选：ADMIN、OPERATOR、STATION_WORKER、CENTRE_STAFF、AUDITOR）",
            "role \"%s\" is unknown (ADMIN, OPERATOR, STATION_WORKER, CENTRE_STAFF or AUDITOR)");
    public static final Refusal CENTRE_UNKNOWN = Refusal.invalidInput("CENTRE_UNKNOWN",
            "市级中心“%s”未知（可选：DOMESTIC_SERVICE_CENTRE、RIGHTS_SERVICE_CENTRE、SOCIAL_ORGANISATION_CENTRE）",
            "centre \"%s\" is unknown (DOMESTIC_SERVICE_CENTRE, RIGHTS_SERVICE_CENTRE or SOCIAL_ORGANISATION_CENTRE)");
    public static final Refusal CENTRE_REQUIRED = Refusal.invalidInput("CENTRE_REQUIRED",
            "市级中心工作人员（CENTRE_STAFF）的账号须指明所属中心",
            "an account with the CENTRE_STAFF role must name its centre");
    public static final Refusal CENTRE_WITHOUT_CENTRE_STAFF = Refusal.invalidInput("CENTRE_WITHOUT_CENTRE_STAFF",
            "只有市级中心工作人员（CENTRE_STAFF）的账号才有所属中心",
            "only an account with the CENTRE_STAFF role has a centre");
    public static final Refusal PASSWORD_TOO_WEAK = Refusal.invalidInput("PASSWORD_TOO_WEAK",
            "密码太弱：至少 %s 个字符，且不能包含用户名", "the password is too weak: at least %s characters, "
                    + "and not containing the username");
    public static final Refusal PASSWORD_TOO_LONG = Refusal.invalidInput("PASSWORD_TOO_LONG",
            "密码不能超过 %s 个字符", "the password must be at most %s characters");
    public static final Refusal PASSWORD_UNCHANGED = Refusal.ruleViolated("PASSWORD_UNCHANGED",
            "新密码不能与当前密码相同", "the new password must differ from the current one");
    public static final Refusal BAD_CREDENTIALS = Refusal.invalidInput("BAD_CREDENTIALS",
            "当前密码错误", "the current password is wrong");
    public static final Refusal REASON_REQUIRED = Refusal.invalidInput("REASON_REQUIRED",
            "请写明原因（不超过 %s 个字）", "give a reason (at most %s characters)");
    public static final Refusal ACCOUNT_ALREADY_DISABLED = Refusal.conflict("ACCOUNT_ALREADY_DISABLED",
            "该账号已停用", "the account is already disabled");
    public static final Refusal ACCOUNT_NOT_DISABLED = Refusal.conflict("ACCOUNT_NOT_DISABLED",
            "该账号未停用", "the account is not disabled");
    public static final Refusal ACCOUNT_DISABLED = Refusal.ruleViolated("ACCOUNT_DISABLED",
            "该账号已停用", "the account is disabled");
    public static final Refusal ACCOUNT_NOT_FOUND = Refusal.notFound("ACCOUNT_NOT_FOUND",
            "账号 %s 不存在", "account %s does not exist");
    public static final Refusal ACCOUNT_NOT_MANAGED = Refusal.ruleViolated("ACCOUNT_NOT_MANAGED",
            "账号 %s 来自配置文件，请在配置中修改", "account %s comes from configuration; change it there");

    public static final Refusal OWN_ADMIN_ROLE = Refusal.ruleViolated("OWN_ADMIN_ROLE",
            "不能取消自己账号的管理员（ADMIN）角色，请由另一位管理员操作",
            "you cannot remove the ADMIN role from your own account; ask another administrator");
    public static final Refusal OWN_ACCOUNT_DISABLED = Refusal.ruleViolated("OWN_ACCOUNT_DISABLED",
            "不能停用自己的账号，请由另一位管理员操作", "you cannot disable your own account; ask another administrator");

    private AccountRefusals() {
    }
}
