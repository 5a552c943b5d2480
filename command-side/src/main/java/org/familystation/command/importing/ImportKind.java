package org.familystation.command.importing;

import org.familystation.platform.error.DomainException;
import org.familystation.platform.security.Role;

import java.util.Set;

/**
 * What can be imported from a spreadsheet, under which name in the URL, and which roles may import it: the roles
 * that may send the same command through the API (SecurityConfiguration); where they may act, the scope check
 * decides row by row.
 */
public enum ImportKind {

    SERVICES("services", "服务记录", new ServiceRows(), Set.of(Role.ADMIN, Role.OPERATOR, Role.STATION_WORKER)),
    NEEDS_SURVEYS("needs-surveys", "需求调研", new NeedsSurveyRows(),
            Set.of(Role.ADMIN, Role.OPERATOR, Role.STATION_WORKER)),
    VOLUNTEERS("volunteers", "巾帼志愿者", new VolunteerRows(), Set.of(Role.ADMIN, Role.OPERATOR)),
    FUNDS("funds", "资金到账", new FundRows(), Set.of(Role.ADMIN, Role.OPERATOR));

    private final String path;
    private final String label;
    private final RowMapping rows;
    private final Set<Role> roles;

    ImportKind(String path, String label, RowMapping rows, Set<Role> roles) {
        this.path = path;
        this.label = label;
        this.rows = rows;
        this.roles = roles;
    }

    public static ImportKind of(String path) {
        for (ImportKind kind : values()) {
            if (kind.path.equals(path)) {
                return kind;
            }
        }
        throw DomainException.refuse(ImportRefusals.KIND_UNKNOWN, path);
    }

    public String path() {
        return path;
    }

    public String label() {
        return label;
    }

    public RowMapping rows() {
        return rows;
    }

    public Set<Role> roles() {
        return roles;
    }
}
