package org.familystation.command.needs;

import org.familystation.command.catalogue.CatalogueRegistry;
import org.familystation.command.common.Rules;
import org.familystation.command.needs.SurveyInput.NeedInput;
import org.familystation.command.network.UnitRegistry;
import org.familystation.command.network.UnitRegistry.UnitFacts;
import org.familystation.events.common.CatalogueKind;
import org.familystation.events.common.NeedCount;
import org.familystation.events.common.SurveyChannel;
import org.familystation.events.common.SurveyDetails;
import org.familystation.events.common.UnitLevel;
import org.familystation.platform.error.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.familystation.command.needs.NeedsRefusals.*;

/**
 * The rules a needs survey obeys, for a new survey and for a correction alike. A category retired since the
 * survey was recorded may stay in a correction (it was valid then); it cannot be added.
 */
@Component
public class NeedsSurveyPolicy {

    static final int MAX_FREE_TEXT = 4_000;
    /** A survey of more people than a large community holds is a typing mistake. */
    static final int MAX_RESPONDENTS = 100_000;

    private final UnitRegistry units;
    private final CatalogueRegistry catalogue;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param zone the users' time zone (the query side's {@code familystation.query.time-zone}): it decides which
     *             day is "today", so a survey held this morning in Nanjing is not "in the future"
     */
    public NeedsSurveyPolicy(UnitRegistry units, CatalogueRegistry catalogue, Clock clock,
                             @Value("${familystation.query.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.units = units;
        this.catalogue = catalogue;
        this.clock = clock;
        this.zone = zone;
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
     * Checks what was sent and returns it as recorded facts, the needs in the order of their category codes.
     *
     * @param previous the survey's current details when correcting it, null for a new survey
     */
    public SurveyDetails details(SurveyInput input, SurveyDetails previous) {
        LocalDate surveyedOn = surveyedOn(input.surveyedOn());
        SurveyChannel channel = Rules.oneOf(SurveyChannel.class, input.channel(), CHANNEL_UNKNOWN, "channel");
        Integer respondents = input.respondentCount();
        if (respondents == null || respondents < 1 || respondents > MAX_RESPONDENTS) {
            throw DomainException.refuseField(RESPONDENTS_INVALID, "respondentCount", MAX_RESPONDENTS, respondents);
        }
        List<NeedCount> needs = needs(input.needs(), respondents, previous == null ? List.of() : previous.needs());
        String freeText = Rules.optionalText(input.freeText(), MAX_FREE_TEXT, FREE_TEXT_TOO_LONG, "freeText");
        return new SurveyDetails(surveyedOn, channel, respondents, needs, freeText);
    }

    private LocalDate surveyedOn(LocalDate surveyedOn) {
        if (surveyedOn == null) {
            throw DomainException.refuseField(SURVEY_DATE_REQUIRED, "surveyedOn");
        }
        if (surveyedOn.isAfter(LocalDate.now(clock.withZone(zone)))) {
            throw DomainException.refuseField(SURVEY_DATE_IN_FUTURE, "surveyedOn", surveyedOn);
        }
        return surveyedOn;
    }

    private List<NeedCount> needs(List<NeedInput> given, int respondents, List<NeedCount> previous) {
        if (given == null || given.isEmpty()) {
            throw DomainException.refuseField(NEEDS_REQUIRED, "needs");
        }
        Map<String, NeedCount> kept = previous.stream()
                .collect(Collectors.toMap(NeedCount::categoryCode, Function.identity()));
        Set<String> seen = new HashSet<>();
        List<NeedCount> needs = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            NeedInput need = given.get(i) == null ? new NeedInput(null, null) : given.get(i);
            String field = "needs[" + i + "]";
            String code = need.categoryCode() == null ? "" : need.categoryCode().strip();
            if (!seen.add(code)) {
                throw DomainException.refuseField(NEED_CATEGORY_REPEATED, field + ".categoryCode", code);
            }
            String name = kept.containsKey(code) ? kept.get(code).categoryName() : activeCategoryName(code, field);
            Integer count = need.count();
            if (count == null || count < 1) {
                throw DomainException.refuseField(NEED_COUNT_INVALID, field + ".count", count);
            }
            if (count > respondents) {
                throw DomainException.refuseField(NEED_COUNT_ABOVE_RESPONDENTS, field + ".count", count, respondents);
            }
            needs.add(new NeedCount(code, name, count));
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
