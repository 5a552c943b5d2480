package org.familystation.loader;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded, deterministic volume of what communities ask for: needs surveys at community homes, and cases the pilot
 * stations refer to the three city centres (with consent), some of them accepted.
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

    /** Keeps the draws that decide answers apart from those that make the cases. */
    private static final long ANSWERS = 1_000_000_007L;

    private final NanjingScenario world;
    private final long seed;

    CommunityActivity(NanjingScenario world, long seed) {
        this.world = world;
        this.seed = seed;
    }

    /** The community home a survey is made at. */
    String surveyHome(int index) {
        Random random = new Random(seed * 104_729L + index);
        return world.communityHomes.get(random.nextInt(world.communityHomes.size())).id();
    }

    Map<String, Object> survey(int index) {
        Random random = new Random(seed * 104_729L + index);
        random.nextInt(world.communityHomes.size()); // the home, drawn in surveyHome
        int respondents = 10 + random.nextInt(190);
        List<Map<String, Object>> needs = new ArrayList<>();
        List<String> categories = new ArrayList<>(CATEGORIES);
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            String category = categories.remove(random.nextInt(categories.size()));
            needs.add(Map.of("categoryCode", category, "count", 1 + random.nextInt(respondents)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("surveyId", NanjingScenario.id("survey", seed + ":" + index));
        body.put("surveyedOn", LocalDate.ofInstant(ServiceActivity.FROM, ZoneOffset.UTC)
                .plusDays(random.nextInt(640)).toString());
        body.put("channel", CHANNELS.get(random.nextInt(CHANNELS.size())));
        body.put("respondentCount", respondents);
        body.put("needs", needs);
        body.put("freeText", WISHES.get(random.nextInt(WISHES.size())) + "；" + WISHES.get(random.nextInt(WISHES.size())));
        return body;
    }

    /** The pilot station a case is referred from. */
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

    /** Whether the centre has accepted the index-th case (about two in three). */
    boolean accepted(int index) {
        return new Random(seed * 130_363L + index + ANSWERS).nextInt(3) > 0;
    }
}
