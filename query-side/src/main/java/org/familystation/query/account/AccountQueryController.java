package org.familystation.query.account;

import org.familystation.events.common.UnitLevel;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.error.Refusal;
import org.familystation.platform.security.Role;
import org.familystation.query.common.PageOf;
import org.familystation.query.common.PagedQuery;
import org.familystation.query.common.Paging;
import org.familystation.query.common.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Accounts, for administrators: a list (by unit, role, disabled or not, username or display name containing a text)
 * and one account by id or username.
 */
@RestController
public class AccountQueryController {

    static final Refusal ACCOUNT_NOT_FOUND = Refusal.notFound("ACCOUNT_NOT_FOUND",
            "账号 %s 不存在", "account %s does not exist");

    private static final RowMapper<AccountView> ROW = (row, index) -> new AccountView(row.getString("account_id"),
            row.getString("username"), row.getString("display_name"), row.getString("unit_id"),
            row.getString("unit_name"), UnitLevel.valueOf(row.getString("unit_level")),
            List.of(row.getString("roles").split(",")), row.getString("centre"),
            row.getBoolean("must_change_password"), row.getBoolean("disabled"), row.getString("disabled_reason"),
            Sql.instant(row, "created_at"), Sql.instant(row, "changed_at"));

    private final NamedParameterJdbcTemplate jdbc;

    public AccountQueryController(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/accounts")
    public PageOf<AccountView> accounts(@RequestParam(required = false) String unitId,
                                        @RequestParam(required = false) Boolean disabled,
                                        @RequestParam(required = false) Role role,
                                        @RequestParam(required = false) String name,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "20") int size) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("unit", unitId)
                .addValue("disabled", disabled)
                .addValue("role", role == null ? null : role.name())
                .addValue("name", Sql.containing(name));
        // roles is the sorted, comma-separated list the projection writes.
        return PagedQuery.page(jdbc, "rm_account", """
                        WHERE (CAST(:unit AS VARCHAR) IS NULL OR unit_id = :unit)
                          AND (CAST(:disabled AS BOOLEAN) IS NULL OR disabled = :disabled)
                          AND (CAST(:role AS VARCHAR) IS NULL OR :role = ANY(string_to_array(roles, ',')))
                          AND (CAST(:name AS VARCHAR) IS NULL OR username LIKE :name OR display_name LIKE :name)""",
                "username", parameters, Paging.of(page, size), ROW);
    }

    @GetMapping("/api/accounts/{account}")
    public AccountView account(@PathVariable String account) {
        return jdbc.query("SELECT * FROM rm_account WHERE account_id = :account OR username = :account",
                        new MapSqlParameterSource("account", account), ROW).stream().findFirst()
                .orElseThrow(() -> DomainException.refuse(ACCOUNT_NOT_FOUND, account));
    }
}
