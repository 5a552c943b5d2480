package org.familystation.command.account;

import org.familystation.command.common.CommandSender;
import org.familystation.platform.error.DomainException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * Accounts, for administrators: create one, change its unit and roles, disable and enable it, reset its password.
 * An account is addressed by its id or its username.
 */
@RestController
public class AccountCommandController {

    private final CommandSender sender;
    private final AccountRegistry accounts;

    public AccountCommandController(CommandSender sender, AccountRegistry accounts) {
        this.sender = sender;
        this.accounts = accounts;
    }

    @PostMapping("/api/accounts")
    public ResponseEntity<Map<String, String>> create(@RequestBody NewAccount request) {
        String id = CommandSender.idOrNew(request.accountId());
        return sender.create(CreateAccount.read(id, request.username(), request.displayName(), request.unitId(),
                request.roles(), request.centre(), request.initialPassword()), id, "/api/accounts/" + id);
    }

    @PostMapping("/api/accounts/{account}/access")
    public ResponseEntity<Void> changeAccess(@PathVariable String account, @RequestBody Access request) {
        return done(ChangeAccountAccess.read(id(account), request.unitId(), request.roles(), request.centre()));
    }

    @PostMapping("/api/accounts/{account}/disablement")
    public ResponseEntity<Void> disable(@PathVariable String account, @RequestBody Reason request) {
        return done(new DisableAccount(id(account), request.reason()));
    }

    @PostMapping("/api/accounts/{account}/enablement")
    public ResponseEntity<Void> enable(@PathVariable String account) {
        return done(new EnableAccount(id(account)));
    }

    @PostMapping("/api/accounts/{account}/password-reset")
    public ResponseEntity<Void> resetPassword(@PathVariable String account, @RequestBody NewPassword request) {
        return done(new ResetAccountPassword(id(account), request.newPassword()));
    }

    private String id(String account) {
        return accounts.accountId(account)
                .orElseThrow(() -> DomainException.refuse(AccountRefusals.ACCOUNT_NOT_FOUND, account));
    }

    private ResponseEntity<Void> done(Object command) {
        sender.send(command);
        return ResponseEntity.noContent().build();
    }

    /** What the client sends; read into the command (and refused there) by {@link CreateAccount#read}. */
    record NewAccount(String accountId, String username, String displayName, String unitId, List<String> roles,
                      String centre, String initialPassword) {
        /** Never the password: requests end up in logs too. */
        @Override
        public String toString() {
            return "NewAccount[accountId=%s, username=%s, unitId=%s, roles=%s, centre=%s]"
                    .formatted(accountId, username, unitId, roles, centre);
        }
    }

    record Access(String unitId, List<String> roles, String centre) {
    }

    record Reason(String reason) {
    }

    record NewPassword(String newPassword) {
        @Override
        public String toString() {
            return "NewPassword[]";
        }
    }
}
