package org.familystation.command.scope;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.familystation.command.scope.PlaceRegistry.Location;
import org.familystation.events.common.UnitLevel;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.security.AccessRefusals;
import org.familystation.platform.security.FamilyStationUser;
import org.familystation.platform.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.BiFunction;

/**
 * The one check of where a user may act (docs/design/scope-rules.md, "Acting"), in front of every command sent through the
 * command gateway. Which roles may send a command at all is decided before, by the security configuration's rules;
 * this decides whether the command's target lies in the user's reach: their unit and every unit below it, or the
 * whole network for an administrator and for the federation's and the headquarters' staff. Centre staff act on the
 * referrals to their own centre, whatever other roles they hold.
 *
 * <p>A command sent without a signed-in user (by a saga, from a deadline, at start-up) is the system's and is not
 * checked.
 */
@Component
public class ScopeCheck implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final PlaceRegistry places;

    public ScopeCheck(PlaceRegistry places) {
        this.places = places;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof FamilyStationUser user) {
                check(command.getPayload(), user);
            }
            return command;
        };
    }

    /**
     * Refuses the command unless the user may act where it acts; the refusal is the answer the user gets. Public for
     * the one caller that must ask without sending: an import finding a row already recorded.
     */
    public void check(Object command, FamilyStationUser user) {
        boolean wholeNetwork = wholeNetworkReach(user);
        if (!(command instanceof ScopedCommand scoped)) {
            // Every command a user can send says where it acts (ScopedCommandsTest); one that does not is refused.
            throw DomainException.refuse(AccessRefusals.FORBIDDEN);
        }
        Place place = scoped.actsAt();
        if (place == Place.ownAccount()) {
            return;
        }
        if (place instanceof Place.Referral referral && user.roles().contains(Role.CENTRE_STAFF)) {
            Location location = locate(referral);
            if (user.centre() == null || !user.centre().equals(location.centre())) {
                throw referral.unknown().get();
            }
            if (referral.byCentre()) {
                return;
            }
        }
        if (wholeNetwork) {
            return;
        }
        if (!(place instanceof Place.Thing thing)) {
            throw DomainException.refuse(AccessRefusals.WHOLE_NETWORK_ONLY);
        }
        Location location = locate(thing);
        if (location.unitId() == null) {
            throw DomainException.refuse(AccessRefusals.WHOLE_NETWORK_ONLY);
        }
        if (!places.unitAndAncestors(location.unitId()).contains(user.unitId())) {
            throw thing.unknown().get();
        }
    }

    /**
     * Whether the user reaches the whole network (an administrator, or staff of the federation or the headquarters);
     * refuses a user with no access at all (no role, no unit, a unit that does not exist).
     */
    private boolean wholeNetworkReach(FamilyStationUser user) {
        if (AccessRefusals.hasNoAccess(user)) {
            throw DomainException.refuse(AccessRefusals.NO_ACCESS);
        }
        if (user.roles().contains(Role.ADMIN)) {
            return true;
        }
        UnitLevel level = places.level(user.unitId())
                .orElseThrow(() -> DomainException.refuse(AccessRefusals.NO_ACCESS));
        return AccessRefusals.reachesWholeNetwork(level);
    }

    private Location locate(Place.Thing thing) {
        return places.locate(thing).orElseThrow(thing.unknown());
    }
}
