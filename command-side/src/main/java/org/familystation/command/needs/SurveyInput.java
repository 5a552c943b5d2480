package org.familystation.command.needs;

import org.familystation.command.common.Rules;
import org.familystation.events.common.SurveyChannel;
import org.familystation.platform.error.DomainException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.familystation.command.needs.NeedsRefusals.*;

/**
 * What a user says about a needs survey, as sent (the API's body, a spreadsheet row), and how it is read into a
 * {@link SurveyEntry}: here, at the edge, every rule that needs no state refuses what it refuses, with the codes and
 * fields the API has always answered with. In a correction, a null field means "unchanged" (a list of needs, when
 * given, replaces the recorded one; an empty free text removes it).
 *
 * @param channel COMMUNITY_VISIT, FIELD_RESEARCH, WEB_PORTAL, MICROBLOG or NEW_WOMAN_APP
 * @param needs   need categories (codes of the NEED_CATEGORY catalogue), each with how many respondents named it
 */
public record SurveyInput(
        LocalDate surveyedOn,
        String channel,
        Integer respondentCount,
        List<NeedInput> needs,
        String freeText) {

    /**
     * A new survey: every field it needs is there and right.
     *
     * @param zone the network's time zone: it decides which day is "today", so a survey held this morning in
     *             Nanjing is not "in the future"
     */
    public SurveyEntry record(Clock clock, ZoneId zone) {
        LocalDate on = readDate(surveyedOn, clock, zone);
        SurveyChannel how = Rules.oneOf(SurveyChannel.class, channel, CHANNEL_UNKNOWN, "channel");
        RespondentCount respondents = RespondentCount.of(respondentCount);
        List<SurveyEntry.Need> read = readNeeds(needs);
        String text = Rules.optionalText(freeText, MAX_FREE_TEXT, FREE_TEXT_TOO_LONG, "freeText");
        return new SurveyEntry(on, how, respondents, read, text);
    }

    /** A correction's changes: each field given is read as for a new survey; one not given stays null. */
    public SurveyEntry changes(Clock clock, ZoneId zone) {
        LocalDate on = surveyedOn == null ? null : readDate(surveyedOn, clock, zone);
        SurveyChannel how = channel == null ? null
                : Rules.oneOf(SurveyChannel.class, channel, CHANNEL_UNKNOWN, "channel");
        RespondentCount respondents = respondentCount == null ? null : RespondentCount.of(respondentCount);
        List<SurveyEntry.Need> read = needs == null ? null : readNeeds(needs);
        String text = null;
        if (freeText != null) {
            String kept = Rules.optionalText(freeText, MAX_FREE_TEXT, FREE_TEXT_TOO_LONG, "freeText");
            text = kept == null ? "" : kept;
        }
        return new SurveyEntry(on, how, respondents, read, text);
    }

    static final int MAX_FREE_TEXT = 4_000;

    /** A need as sent: a category code and how many respondents named it. */
    public record NeedInput(String categoryCode, Integer count) {
    }

    private static LocalDate readDate(LocalDate surveyedOn, Clock clock, ZoneId zone) {
        if (surveyedOn == null) {
            throw DomainException.refuseField(SURVEY_DATE_REQUIRED, "surveyedOn");
        }
        if (surveyedOn.isAfter(LocalDate.now(clock.withZone(zone)))) {
            throw DomainException.refuseField(SURVEY_DATE_IN_FUTURE, "surveyedOn", surveyedOn);
        }
        return surveyedOn;
    }

    /** Needs as sent: at least one, each category once, each named by at least one respondent. */
    private static List<SurveyEntry.Need> readNeeds(List<NeedInput> given) {
        if (given == null || given.isEmpty()) {
            throw DomainException.refuseField(NEEDS_REQUIRED, "needs");
        }
        Set<String> seen = new HashSet<>();
        List<SurveyEntry.Need> needs = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            NeedInput need = given.get(i) == null ? new NeedInput(null, null) : given.get(i);
            String field = "needs[" + i + "]";
            String code = need.categoryCode() == null ? "" : need.categoryCode().strip();
            if (!seen.add(code)) {
                throw DomainException.refuseField(NEED_CATEGORY_REPEATED, field + ".categoryCode", code);
            }
            Integer count = need.count();
            if (count == null || count < 1) {
                throw DomainException.refuseField(NEED_COUNT_INVALID, field + ".count", count);
            }
            needs.add(new SurveyEntry.Need(code, count));
        }
        return List.copyOf(needs);
    }
}
