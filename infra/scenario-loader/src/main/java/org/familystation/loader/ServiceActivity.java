package org.familystation.loader;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A seeded, deterministic volume of realistic service records from 2014 to 2026: the same seed gives the same
 * records (ids, texts, times) on every run. Descriptions combine who was served, what was done and why, so
 * that searches find some records and not others, as they would in real data.
 */
final class ServiceActivity {

    /** Projects of the default catalogue with their station point and what such a service sounds like. */
    private record Project(String code, String point, List<String> activities) {
    }

    private static final List<Project> PROJECTS = List.of(
            new Project("HOUSEKEEPING", "CONVENIENCE", List.of("上门保洁", "月嫂技能培训", "家政服务对接", "收纳整理指导")),
            new Project("DELIVERY", "CONVENIENCE", List.of("爱心送餐", "生活物资配送", "药品代购配送")),
            new Project("CULTURE_SPORTS", "HAPPINESS", List.of("广场舞比赛", "太极拳教学", "亲子运动会", "书画兴趣班")),
            new Project("MATCHMAKING", "EMOTIONAL", List.of("青年联谊会", "婚恋交友沙龙", "婚恋观讲座")),
            new Project("EARLY_EDUCATION", "HAPPINESS", List.of("亲子早教课", "绘本共读", "婴幼儿照护指导")),
            new Project("WOMEN_EMPLOYMENT", "ENTREPRENEURSHIP", List.of("招聘对接会", "创业政策宣讲", "网店开设指导")),
            new Project("WOMEN_RIGHTS", "EMOTIONAL", List.of("反家暴宣传", "妇女权益知识讲座", "维权个案跟进")),
            new Project("SOCIAL_ORGANISATION_INCUBATION", "ENTREPRENEURSHIP",
                    List.of("社会组织孵化辅导", "公益项目设计培训", "志愿团队建设")),
            new Project("FAMILY_EDUCATION", "CULTURE", List.of("家庭教育讲座", "亲子沟通工作坊", "家长学校课程")),
            new Project("EMPTY_NEST_ELDERLY_CARE", "CONVENIENCE", List.of("上门探访空巢老人", "老人健康检查", "陪伴聊天")),
            new Project("SKILLS_TRAINING", "ENTREPRENEURSHIP", List.of("面点制作培训", "电脑技能培训", "手工编织培训")),
            new Project("PSYCHOLOGICAL_COUNSELLING", "EMOTIONAL", List.of("心理咨询小组活动", "一对一心理辅导", "情绪疏导讲座")),
            new Project("LEGAL_AID", "EMOTIONAL", List.of("法律咨询", "婚姻家庭纠纷调解", "法律援助申请指导")));

    private static final List<String> GROUPS = List.of("单亲妈妈", "空巢老人", "留守儿童及家长", "失业妇女", "新婚夫妇",
            "全职妈妈", "外来务工妇女", "退休职工", "残疾人家庭", "低保家庭", "社区居民");
    private static final List<String> PURPOSES = List.of("帮助缓解压力", "提升生活技能", "增进家庭和睦", "拓宽就业渠道",
            "丰富精神文化生活", "维护合法权益", "促进邻里互助");
    private static final List<String> OUTCOMES = List.of("参与者反馈良好", "已建立长期服务档案", "部分个案转介跟进",
            "计划下月继续开展", "居民要求增加场次");
    private static final List<String> SOCIAL_WORKERS = List.of("王社工", "李社工", "张社工", "刘社工", "陈社工", "杨社工");
    /** Social workers the headquarters assigns to each station; they deliver its social workers' services. */
    static final int SOCIAL_WORKERS_PER_STATION = 2;
    /** Volunteers (巾帼志愿者) registered city-wide; a quarter of the services are theirs. */
    static final int VOLUNTEERS = 60;
    private static final List<String> FEEDBACK = List.of("很有帮助", "希望多办几次", "老师讲得很清楚", "时间安排合适",
            "内容实用");

    /**
     * How busy a month is (January first): the Spring Festival empties February, 三八 and 六一 fill March and June,
     * the summer heat thins July and August.
     */
    private static final double[] SEASON = {0.9, 0.5, 1.3, 1.1, 1.1, 1.2, 0.8, 0.7, 1.0, 0.9, 1.1, 1.0};
    /** The golden ratio's fraction: index × it spreads records evenly over the months, whatever their number. */
    private static final double SPREAD = 0.6180339887498949;

    private final NanjingScenario world;
    private final long seed;
    /** The months of the history, from the pilot's first full month, and where each ends on the scale 0..1. */
    private final List<YearMonth> months = new ArrayList<>();
    private final double[] cumulative;

    ServiceActivity(NanjingScenario world, long seed) {
        this.world = world;
        this.seed = seed;
        YearMonth last = YearMonth.from(NanjingScenario.END.atZone(NanjingScenario.SHANGHAI)).minusMonths(1);
        for (YearMonth month = YearMonth.of(2014, 4); !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(month);
        }
        // A month's weight: its season, times the stations open in it (the pilot's weigh double: they are the
        // established ones), times a network that grows busier every year.
        double[] weights = new double[months.size()];
        double total = 0;
        for (int m = 0; m < months.size(); m++) {
            YearMonth month = months.get(m);
            Instant middle = month.atDay(15).atStartOfDay(NanjingScenario.SHANGHAI).toInstant();
            double stations = world.stations.stream().filter(station -> station.openAt(middle))
                    .mapToDouble(station -> station.pilot() ? 2 : 1).sum();
            weights[m] = SEASON[month.getMonthValue() - 1] * stations * (1 + 0.12 * (month.getYear() - 2014));
            total += weights[m];
        }
        cumulative = new double[months.size()];
        double sum = 0;
        for (int m = 0; m < months.size(); m++) {
            sum += weights[m] / total;
            cumulative[m] = sum;
        }
    }

    /** The id of the station's n-th social worker. */
    static String socialWorkerId(NanjingScenario.Station station, int n) {
        return NanjingScenario.id("social-worker", station.id() + ":" + n);
    }

    /** The RecruitSocialWorker body of the station's n-th social worker. */
    static Map<String, Object> socialWorker(NanjingScenario.Station station, int n, String headquartersId) {
        return Map.of("socialWorkerId", socialWorkerId(station, n), "name",
                SOCIAL_WORKERS.get(Math.floorMod(station.id().hashCode() + n, SOCIAL_WORKERS.size())),
                "qualification", n == 0 ? "SOCIAL_WORKER" : "ASSISTANT_SOCIAL_WORKER", "headquartersId", headquartersId);
    }

    static String volunteerId(int n) {
        return NanjingScenario.id("volunteer", Integer.toString(n));
    }

    /** The RegisterVolunteer body of the n-th volunteer (numbers NJZY-…, apart from those users type). */
    static Map<String, Object> volunteer(int n) {
        return Map.of("volunteerId", volunteerId(n), "name", "巾帼志愿者" + (n + 1),
                "volunteerNumber", String.format("NJZY-%04d", n + 1));
    }

    /** One service: where it goes (the path of its POST) and its body. */
    record Service(String stationId, Map<String, Object> body) {
    }

    /**
     * The index-th service. Its month follows the seasons and the network's growth; its station is one open that
     * day; a quarter are delivered by alliance members where they offer the project (and were active then), a
     * quarter by volunteers with their minutes, the rest by the station's social workers.
     */
    Service record(int index) {
        Random random = new Random(seed * 1_000_003L + index);
        Instant deliveredAt = deliveredAt(index, random);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceRecordId", NanjingScenario.id("service", seed + ":" + index));
        NanjingScenario.Station station = null;
        Project project = null;
        if (index % 4 == 1) {
            List<NanjingScenario.Offering> offered = world.offerings.stream()
                    .filter(offering -> !offering.offeredAt().isAfter(deliveredAt)
                            && offering.member().activeAt(deliveredAt) && offering.station().openAt(deliveredAt))
                    .toList();
            if (!offered.isEmpty()) {
                NanjingScenario.Offering offering = offered.get(random.nextInt(offered.size()));
                station = offering.station();
                project = PROJECTS.stream().filter(candidate -> candidate.code().equals(offering.projectCode()))
                        .findFirst().orElseThrow();
                body.put("providerKind", "ALLIANCE_MEMBER");
                body.put("providerMemberId", offering.member().id());
            }
        }
        if (station == null) {
            List<NanjingScenario.Station> open = world.stations.stream()
                    .filter(candidate -> candidate.openAt(deliveredAt)).toList();
            // The pilot's stations weigh double, as in the months' weights.
            int draw = random.nextInt(open.size() + (int) open.stream().filter(NanjingScenario.Station::pilot).count());
            station = draw < open.size() ? open.get(draw)
                    : open.stream().filter(NanjingScenario.Station::pilot).toList().get(draw - open.size());
            project = PROJECTS.get(random.nextInt(PROJECTS.size()));
            if (index % 4 == 0) {
                body.put("providerKind", "VOLUNTEERS");
                int first = random.nextInt(VOLUNTEERS);
                int helpers = 1 + random.nextInt(3);
                body.put("volunteers", IntStream.range(0, helpers)
                        .mapToObj(n -> Map.of("volunteerId", volunteerId((first + n) % VOLUNTEERS),
                                "minutes", 30 * (2 + random.nextInt(5))))
                        .toList());
            } else {
                body.put("providerKind", "SOCIAL_WORKER");
                body.put("socialWorkerIds",
                        List.of(socialWorkerId(station, random.nextInt(SOCIAL_WORKERS_PER_STATION))));
            }
        }
        String activity = pick(random, project.activities());
        String group = pick(random, GROUPS);
        body.put("stationPoint", project.point());
        body.put("projectCode", project.code());
        body.put("deliveredAt", deliveredAt.toString());
        body.put("participantCount", 1 + random.nextInt(40));
        body.put("description", "为" + group + "开展" + activity + "，" + pick(random, PURPOSES));
        body.put("outcome", pick(random, OUTCOMES));
        if (random.nextInt(10) < 7) {
            body.put("satisfaction", 3 + random.nextInt(3));
            body.put("feedback", pick(random, FEEDBACK));
        }
        return new Service(station.id(), body);
    }

    /** A working day's hour in the month the index falls on; never before the first station opened. */
    private Instant deliveredAt(int index, Random random) {
        double spread = (index * SPREAD + seed * SPREAD * SPREAD) % 1.0;
        int m = 0;
        while (m < cumulative.length - 1 && cumulative[m] < spread) {
            m++;
        }
        YearMonth month = months.get(m);
        Instant at = month.atDay(1 + random.nextInt(month.lengthOfMonth())).atTime(8 + random.nextInt(10),
                random.nextInt(60)).atZone(NanjingScenario.SHANGHAI).toInstant();
        Instant first = NanjingScenario.PILOT_OPENED.plus(Duration.ofDays(1));
        return at.isBefore(first) ? first : at.isAfter(NanjingScenario.END) ? NanjingScenario.END : at;
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
