package org.familystation.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import org.familystation.events.common.TimeOrderedIds;
import org.familystation.events.common.ReferenceScenario;
import org.familystation.loader.ApiClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The network the benchmark records services in, built through the API: a federation, its operations headquarters,
 * a branch centre per district, and {@code stations} stations at community homes spread over the districts. Also
 * the varied, realistic service records the load sends and the seeding writes.
 */
final class World {

    static final List<String> DISTRICTS = List.of("玄武区", "秦淮区", "建邺区", "鼓楼区", "浦口区", "栖霞区", "雨花台区",
            "江宁区", "六合区", "溧水区", "高淳区");

    /**
     * A station at its community home ({@code homeId}, where needs surveys are recorded), with the social worker
     * assigned to it, who delivers its social workers' services.
     */
    record Station(String id, String homeId, String name, String district, String socialWorkerId) {
    }

    record Project(String code, String name, String point, List<String> activities) {
    }

    private static final Map<String, List<String>> ACTIVITIES = Map.ofEntries(
            Map.entry("HOUSEKEEPING", List.of("上门保洁", "月嫂技能培训", "家政服务对接", "收纳整理指导")),
            Map.entry("DELIVERY", List.of("爱心送餐", "生活物资配送", "药品代购配送")),
            Map.entry("CULTURE_SPORTS", List.of("广场舞比赛", "太极拳教学", "亲子运动会", "书画兴趣班")),
            Map.entry("MATCHMAKING", List.of("青年联谊会", "婚恋交友沙龙", "婚恋观讲座")),
            Map.entry("EARLY_EDUCATION", List.of("亲子早教课", "绘本共读", "婴幼儿照护指导")),
            Map.entry("WOMEN_EMPLOYMENT", List.of("招聘对接会", "创业政策宣讲", "网店开设指导")),
            Map.entry("WOMEN_RIGHTS", List.of("反家暴宣传", "妇女权益知识讲座", "维权个案跟进")),
            Map.entry("SOCIAL_ORGANISATION_INCUBATION", List.of("社会组织孵化辅导", "公益项目设计培训", "志愿团队建设")),
            Map.entry("FAMILY_EDUCATION", List.of("家庭教育讲座", "亲子沟通工作坊", "家长学校课程")),
            Map.entry("EMPTY_NEST_ELDERLY_CARE", List.of("上门探访空巢老人", "老人健康检查", "陪伴聊天")),
            Map.entry("SKILLS_TRAINING", List.of("面点制作培训", "电脑技能培训", "手工编织培训")),
            Map.entry("PSYCHOLOGICAL_COUNSELLING", List.of("心理咨询小组活动", "一对一心理辅导", "情绪疏导讲座")),
            Map.entry("LEGAL_AID", List.of("法律咨询", "婚姻家庭纠纷调解", "法律援助申请指导")));
    private static final List<String> GROUPS = List.of("单亲妈妈", "空巢老人", "留守儿童及家长", "失业妇女", "新婚夫妇",
            "全职妈妈", "外来务工妇女", "退休职工", "残疾人家庭", "低保家庭", "社区居民");
    private static final List<String> PURPOSES = List.of("帮助缓解压力", "提升生活技能", "增进家庭和睦", "拓宽就业渠道",
            "丰富精神文化生活", "维护合法权益", "促进邻里互助");
    private static final List<String> OUTCOMES = List.of("参与者反馈良好", "已建立长期服务档案", "部分个案转介跟进",
            "计划下月继续开展", "居民要求增加场次");
    private static final List<String> SOCIAL_WORKERS = List.of("王社工", "李社工", "张社工", "刘社工", "陈社工", "杨社工");
    /** Volunteers registered for the benchmark, who help with a quarter of the services. */
    private static final int VOLUNTEERS = 20;
    /** Services are spread over these two years; the query load filters within them. */
    static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-10-31T00:00:00Z");

    final List<Station> stations;
    final List<Project> projects;
    final List<String> volunteers;

    private World(List<Station> stations, List<Project> projects, List<String> volunteers) {
        this.stations = stations;
        this.projects = projects;
        this.volunteers = volunteers;
    }

    /**
     * Builds the network as the administrator: the federation and the headquarters with the reference scenario's
     * ids, to which the demo accounts are bound (the benchmark's commands are sent as {@code hq}).
     */
    static World build(ApiClient admin, int stationCount) {
        JsonNode federation = admin.expect("POST", "/api/units", Map.of("unitId", ReferenceScenario.FEDERATION_ID,
                "level", "FEDERATION", "name", "南京市妇联"), 201);
        JsonNode headquarters = admin.expect("POST", "/api/units", Map.of("unitId", ReferenceScenario.HEADQUARTERS_ID,
                "level", "OPERATIONS_HQ", "name", "南京市妇女儿童活动中心",
                "parentUnitId", federation.path("id").asText()), 201);
        List<String> branches = new ArrayList<>();
        for (String district : DISTRICTS) {
            branches.add(admin.expect("POST", "/api/units", Map.of("level", "BRANCH_CENTRE", "name", district + "妇女儿童活动中心",
                    "parentUnitId", headquarters.path("id").asText(), "district", district), 201).path("id").asText());
        }
        List<Station> stations = new ArrayList<>();
        for (int s = 0; s < stationCount; s++) {
            int d = s % DISTRICTS.size();
            String district = DISTRICTS.get(d);
            String home = admin.expect("POST", "/api/units", Map.of("level", "COMMUNITY_HOME", "name",
                    district + "第" + (s + 1) + "社区妇女儿童之家", "parentUnitId", branches.get(d),
                    "district", district, "tier", s % 3 == 0 ? "PROVINCIAL_DEMONSTRATION" : "STANDARD"), 201).path("id").asText();
            String name = district + "第" + (s + 1) + "社区家庭驿站";
            String id = admin.expect("POST", "/api/stations", Map.of("communityHomeId", home, "stationName", name,
                    // Opened in the past (business date): the seeded services are dated from 2025.
                    "openedAt", "2014-01-01T00:00:00+08:00"), 201)
                    .path("id").asText();
            String socialWorker = admin.expect("POST", "/api/social-workers", Map.of("name", SOCIAL_WORKERS.get(s
                    % SOCIAL_WORKERS.size()), "headquartersId", headquarters.path("id").asText()), 201).path("id").asText();
            admin.expect("POST", "/api/social-workers/" + socialWorker + "/assignment", Map.of("stationId", id), 204);
            stations.add(new Station(id, home, name, district, socialWorker));
        }
        List<String> volunteers = new ArrayList<>();
        for (int v = 0; v < VOLUNTEERS; v++) {
            volunteers.add(admin.expect("POST", "/api/volunteers", Map.of("name", "志愿者" + (v + 1), "volunteerNumber",
                    "BENCH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT)), 201)
                    .path("id").asText());
        }
        List<Project> projects = new ArrayList<>();
        for (JsonNode entry : admin.expect("GET", "/api/catalogues/SERVICE_PROJECT", null, 200)) {
            String code = entry.path("code").asText();
            if (ACTIVITIES.containsKey(code)) {
                projects.add(new Project(code, entry.path("name").asText(), entry.path("stationPoint").asText(),
                        ACTIVITIES.get(code)));
            }
        }
        if (projects.isEmpty()) {
            throw new IllegalStateException("the service-project catalogue is empty or unexpected");
        }
        return new World(stations, projects, volunteers);
    }

    /**
     * A RecordService body with a new id: a varied, realistic service delivered at the station at some time in the
     * two years, by its social worker or by volunteers.
     */
    Map<String, Object> record(Random random, Station station, String serviceRecordId) {
        Project project = projects.get(random.nextInt(projects.size()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceRecordId", serviceRecordId);
        body.put("stationPoint", project.point());
        body.put("projectCode", project.code());
        if (random.nextInt(4) == 0) {
            body.put("providerKind", "VOLUNTEERS");
            body.put("volunteers", List.of(Map.of("volunteerId", pick(random, volunteers),
                    "minutes", 30 * (1 + random.nextInt(6)))));
        } else {
            body.put("providerKind", "SOCIAL_WORKER");
            body.put("socialWorkerIds", List.of(station.socialWorkerId()));
        }
        long span = Duration.between(FROM, TO).toMinutes();
        body.put("deliveredAt", FROM.plus(Duration.ofMinutes((long) (random.nextDouble() * span))).toString());
        body.put("participantCount", 1 + random.nextInt(40));
        body.put("description", "为" + pick(random, GROUPS) + "开展" + pick(random, project.activities()) + "，"
                + pick(random, PURPOSES));
        body.put("outcome", pick(random, OUTCOMES));
        body.put("satisfaction", 3 + random.nextInt(3));
        return body;
    }

    Project project(String code) {
        return projects.stream().filter(project -> project.code().equals(code)).findFirst().orElseThrow();
    }

    /** A new entity's id as the system makes them (time-ordered), so seeded histories index like real ones. */
    static String newId() {
        return TimeOrderedIds.next();
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
