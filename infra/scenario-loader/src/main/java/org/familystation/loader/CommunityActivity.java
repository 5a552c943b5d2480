package org.familystation.loader;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded, deterministic volume of what communities ask for: needs surveys at community homes over the years, and
 * cases the stations refer to the three city centres (with consent), taken down every path a case can go.
 */
final class CommunityActivity {

    private static final List<String> CATEGORIES = List.of("DEMOCRATIC_PARTICIPATION", "MARRIAGE_FAMILY_RIGHTS",
            "EMPLOYMENT_RIGHTS", "ENTREPRENEURSHIP_SUPPORT", "EMPTY_NEST_ELDERLY", "HOUSEKEEPING", "FAMILY_EDUCATION",
            "SELF_IMPROVEMENT");
    private static final List<String> CHANNELS = List.of("COMMUNITY_VISIT", "FIELD_RESEARCH", "WEB_PORTAL",
            "MICROBLOG", "NEW_WOMAN_APP");
    private static final List<String> WISHES = List.of("希望增加周末的亲子活动", "老人白天无人照看，需要日间照料",
            "想学习电商和直播带货技能", "希望有法律专家定期坐班答疑", "需要可靠的月嫂和育儿嫂信息",
            "希望开设女性创业贷款讲座", "家长希望学习青春期沟通方法", "希望组织广场舞和合唱队");

    /** Centre, category and a summary a station would write. */
    private record Case(String centre, String category, String summary) {
    }

    private static final List<Case> CASES = List.of(
            new Case("RIGHTS_SERVICE_CENTRE", "LEGAL_AID", "离婚财产分割纠纷，当事人需要法律援助"),
            new Case("RIGHTS_SERVICE_CENTRE", "DOMESTIC_VIOLENCE_PROTECTION", "当事人反映遭受家庭暴力，需要保护"),
            new Case("RIGHTS_SERVICE_CENTRE", "PSYCHOLOGICAL_SUPPORT", "丧偶后情绪低落，需要心理疏导"),
            new Case("DOMESTIC_SERVICE_CENTRE", "HOUSEKEEPING_PLACEMENT", "下岗妇女希望从事家政工作"),
            new Case("DOMESTIC_SERVICE_CENTRE", "EMPLOYMENT", "返乡妇女需要就业创业帮扶"),
            new Case("SOCIAL_ORGANISATION_CENTRE", "SOCIAL_ORGANISATION_SUPPORT", "社区妈妈互助小组希望注册为社会组织"));

    /** The ways a referred case went, one in turn per referral. */
    enum Path { ACCEPTED, DECLINED, RESOLVED, CLOSED, WITHDRAWN, AWAITING, IN_PROGRESS }

    private final NanjingScenario world;
    private final long seed;

    CommunityActivity(NanjingScenario world, long seed) {
        this.world = world;
        this.seed = seed;
    }

    /**
     * The community home a survey is made at: every other one at a pilot station's home (so that the pilot's
     * evaluations see needs every year), the rest anywhere in the city.
     */
    String surveyHome(int index) {
        Random random = new Random(seed * 104_729L + index);
        List<NanjingScenario.Station> pilot = world.pilot();
        return index % 2 == 0 ? pilot.get(index / 2 % pilot.size()).homeId()
                : world.communityHomes.get(random.nextInt(world.communityHomes.size())).id();
    }

    /** The index-th survey, in the year the index falls on (every year of the history in turn). */
    Map<String, Object> survey(int index) {
        Random random = new Random(seed * 104_729L + index);
        random.nextInt(world.communityHomes.size()); // the home, drawn in surveyHome
        // A pilot home's survey is field research with many respondents, and always hears the need stations serve
        // least (参与基层民主管理, matched by one project only): the gap the evaluations are meant to show.
        boolean pilot = index % 2 == 0;
        int respondents = pilot ? 100 + random.nextInt(300) : 10 + random.nextInt(190);
        List<Map<String, Object>> needs = new ArrayList<>();
        List<String> categories = new ArrayList<>(CATEGORIES);
        if (pilot) {
            categories.remove("DEMOCRATIC_PARTICIPATION");
            needs.add(Map.of("categoryCode", "DEMOCRATIC_PARTICIPATION",
                    "count", respondents / 2 + random.nextInt(respondents / 2)));
        }
        for (int n = 1 + random.nextInt(pilot ? 3 : 4); n > 0; n--) {
            String category = categories.remove(random.nextInt(categories.size()));
            needs.add(Map.of("categoryCode", category, "count", 1 + random.nextInt(respondents)));
        }
        int year = NanjingScenario.FIRST_YEAR + index % (NanjingScenario.LAST_YEAR - NanjingScenario.FIRST_YEAR + 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("surveyId", NanjingScenario.id("survey", seed + ":" + index));
        body.put("surveyedOn", day(year, random).toString());
        body.put("channel", pilot ? "FIELD_RESEARCH" : CHANNELS.get(random.nextInt(CHANNELS.size())));
        body.put("respondentCount", respondents);
        body.put("needs", needs);
        body.put("freeText", WISHES.get(random.nextInt(WISHES.size())) + "；" + WISHES.get(random.nextInt(WISHES.size())));
        return body;
    }

    /** A day of the year within the history: from the pilot's first month in 2014, up to its end in 2026. */
    static LocalDate day(int year, Random random) {
        LocalDate first = year == NanjingScenario.FIRST_YEAR ? LocalDate.of(year, 4, 1) : LocalDate.of(year, 1, 1);
        LocalDate last = year == NanjingScenario.LAST_YEAR
                ? LocalDate.ofInstant(NanjingScenario.END, NanjingScenario.SHANGHAI).minusDays(1)
                : LocalDate.of(year, 12, 31);
        return first.plusDays(random.nextInt((int) (last.toEpochDay() - first.toEpochDay()) + 1));
    }

    /** The station a case is referred from: any station open now. */
    String referringStation(int index) {
        return world.stations.get(new Random(seed * 130_363L + index).nextInt(world.stations.size())).id();
    }

    Map<String, Object> referral(int index) {
        Random random = new Random(seed * 130_363L + index);
        random.nextInt(world.stations.size()); // the station, drawn in referringStation
        Case referred = CASES.get(random.nextInt(CASES.size()));
        return Map.of("referralId", NanjingScenario.id("referral", seed + ":" + index),
                "centre", referred.centre(), "category", referred.category(), "summary", referred.summary(),
                "consentGiven", true, "consentMethod", random.nextBoolean() ? "WRITTEN" : "VERBAL");
    }

    /** How the index-th case went: every path in turn (those awaiting become overdue when the limit passes). */
    static Path path(int index) {
        return Path.values()[index % Path.values().length];
    }
}
