package org.familystation.command.needs;

import org.familystation.command.catalogue.CatalogueRegistry;
import org.familystation.command.needs.SurveyEntry.Need;
import org.familystation.command.network.UnitRegistry;
import org.familystation.command.network.UnitRegistry.UnitFacts;
import org.familystation.events.common.CatalogueKind;
import org.familystation.events.common.NeedCount;
import org.familystation.events.common.SurveyDetails;
import org.familystation.events.common.UnitLevel;
import org.familystation.platform.error.DomainException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.familystation.command.needs.NeedsRefusals.*;

/**
 * The rules a needs survey obeys that need state (what needs none was checked where the input was read,
 * {@link SurveyInput}), for a new survey and for a correction alike. A category retired since the survey was
 * recorded may stay in a correction (it was valid then); it cannot be added.
 */
@Component
public class NeedsSurveyPolicy {

    private final UnitRegistry units;
    private final CatalogueRegistry catalogue;

    public NeedsSurveyPolicy(UnitRegistry units, CatalogueRegistry catalogue) {
        this.units = units;
        this.catalogue = catalogue;
    }

    /** The community home a survey is recorded at. */
    public UnitFacts communityHome(String unitId) {
        UnitFacts unit = units.find(unitId == null ? "" : unitId.strip())
                .orElseThrow(() -> DomainException.refuse(HOME_UNKNOWN, unitId));
        if (unit.level() != UnitLevel.COMMUNITY_HOME) {
            throw DomainException.refuse(UNIT_NOT_A_COMMUNITY_HOME, unit.name(), unit.level().label());
        }
        return unit;
    }

    /**
     * Decides what depends on the catalogue about a survey read at the edge and returns it as recorded facts, the
     * needs in the order of their category codes.
     *
     * @param input    a new survey, or a correction's changes merged with what is recorded
     * @param previous the survey's current details when correcting it, null for a new survey
     */
    public SurveyDetails details(SurveyEntry input, SurveyDetails previous) {
        int respondents = input.respondentCount().value();
        List<NeedCount> needs = needs(input.needs(), respondents, previous == null ? List.of() : previous.needs());
        String freeText = input.freeText() == null || input.freeText().isEmpty() ? null : input.freeText();
        return new SurveyDetails(input.surveyedOn(), input.channel(), respondents, needs, freeText);
    }

    private List<NeedCount> needs(List<Need> given, int respondents, List<NeedCount> previous) {
        Map<String, NeedCount> kept = previous.stream()
                .collect(Collectors.toMap(NeedCount::categoryCode, Function.identity()));
        List<NeedCount> needs = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Need need = given.get(i);
            String field = "needs[" + i + "]";
            String code = need.categoryCode();
            String name = kept.containsKey(code) ? kept.get(code).categoryName() : activeCategoryName(code, field);
            if (need.count() > respondents) {
                throw DomainException.refuseField(NEED_COUNT_ABOVE_RESPONDENTS, field + ".count", need.count(),
                        respondents);
            }
            needs.add(new NeedCount(code, name, need.count()));
        }
        needs.sort(Comparator.comparing(NeedCount::categoryCode));
        return List.copyOf(needs);
    }

    private String activeCategoryName(String code, String field) {
        CatalogueRegistry.Entry entry = catalogue.find(CatalogueKind.NEED_CATEGORY, code)
                .orElseThrow(() -> DomainException.refuseField(NEED_CATEGORY_UNKNOWN, field + ".categoryCode", code));
        if (entry.retired()) {
            throw DomainException.refuseField(NEED_CATEGORY_RETIRED, field + ".categoryCode", entry.name());
        }
        return entry.name();
    }
}
