package org.familystation.command.people;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.familystation.command.network.UnitRegistry;
import org.familystation.command.network.UnitRegistry.UnitFacts;
import org.familystation.events.people.FederationStaffRegistered;
import org.familystation.platform.error.DomainException;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The record of a federation staff member (妇女工作者) and the unit they work at. */
@Aggregate
public class FederationStaff {

    @AggregateIdentifier
    private String staffId;

    protected FederationStaff() {
        // for Axon
    }

    @CommandHandler
    public FederationStaff(RegisterFederationStaff command, UnitRegistry units, Clock clock) {
        String unitId = command.unitId();
        UnitFacts unit = units.find(unitId == null ? "" : unitId)
                .orElseThrow(() -> DomainException.refuseField(PeopleRefusals.UNIT_UNKNOWN, "unitId", unitId));
        apply(new FederationStaffRegistered(command.staffId(), command.name().value(),
                Phone.valueOf(command.phone()), unit.unitId(), unit.name(), unit.level(),
                unit.district(), clock.instant()));
    }

    @EventSourcingHandler
    void on(FederationStaffRegistered event) {
        staffId = event.staffId();
    }
}
