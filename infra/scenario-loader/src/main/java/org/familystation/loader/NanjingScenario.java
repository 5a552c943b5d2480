package org.familystation.loader;

import org.familystation.events.common.CityCentre;
import org.familystation.events.common.ReferenceScenario;
import org.familystation.events.common.UnifiedSocialCreditCode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The reference scenario of DOMAIN.md §8, as data and as a history from 2014: Nanjing's federation, operations
 * headquarters, 11 district branch centres, 1,317 community homes (164 provincial demonstration homes), the three
 * city centres, 15 pilot stations opened in 2014 at demonstration homes and 18 opened from 2016 to 2024, the 11
 * alliance members named in the account and 10 organisations that applied later, with their offerings. Every id is
 * derived from a name, so the same world has the same ids on every run.
 */
final class NanjingScenario {

    static final List<String> DISTRICTS = List.of(
            "玄武区", "秦淮区", "建邺区", "鼓楼区", "浦口区", "栖霞区", "雨花台区", "江宁区", "六合区", "溧水区", "高淳区");
    static final int COMMUNITY_HOMES = 1_317;
    static final int DEMONSTRATION_HOMES = 164;
    static final int PILOT_STATIONS = 15;
    /**
     * When the first pilot station opened (2014-03-08, Asia/Shanghai); the others followed a week apart, all long
     * before the first service the scenario dates (business dates, docs/design/business-dates.md).
     */
    static final Instant PILOT_OPENED = Instant.parse("2014-03-08T01:00:00Z");
    /** The last day the history reaches (the load's "today" may be any later day). */
    static final Instant END = Instant.parse("2026-11-30T00:00:00Z");
    static final int FIRST_YEAR = 2014;
    static final int LAST_YEAR = 2026;
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Stations opened after the pilot: two a year from 2016 to 2024, at the next homes of the districts in turn. */
    static final int LATER_STATIONS = 18;
    /** The winter of 2020, when some pilot stations closed their doors for a while (疫情防控). */
    static final Instant SUSPENDED = Instant.parse("2020-01-25T01:00:00Z");
    static final Instant REOPENED = Instant.parse("2020-04-20T01:00:00Z");
    static final Set<Integer> SUSPENDED_PILOTS = Set.of(2, 7, 11);

    record Unit(String id, String level, String name, String parentId, String district, String tier) {

        Unit under(String parent) {
            return new Unit(id, level, name, parent, district, tier);
        }
    }

    /**
     * A station and its dated past: opened on {@code openedAt}, and for some closed for a while between
     * {@code suspendedAt} and {@code reopenedAt}.
     */
    record Station(String id, String homeId, String name, String district, boolean pilot, Instant openedAt,
                   Instant suspendedAt, Instant reopenedAt) {

        boolean openAt(Instant at) {
            return !at.isBefore(openedAt) && (suspendedAt == null || at.isBefore(suspendedAt)
                    || !at.isBefore(reopenedAt));
        }
    }

    /** When the index-th pilot station opened. */
    static Instant openedAt(int index) {
        return PILOT_OPENED.plus(Duration.ofDays(7L * index));
    }

    /** A change of a membership after its admission: the path it is posted to, when, and why. */
    record MemberChange(String path, Instant at, String reason) {
    }

    /**
     * An organisation's membership as it went: applied on {@code appliedAt}, reviewed two weeks later (approved, or
     * rejected with {@code rejection}), the convention signed a week after that and admitted a week later; then its
     * later changes. {@code projects} are what it offers at stations.
     */
    record Member(String id, String alliance, String name, String organisationType, String creditCode,
                  String contactPerson, Instant appliedAt, String rejection, List<String> projects,
                  List<MemberChange> changes) {

        Instant reviewedAt() {
            return appliedAt.plus(Duration.ofDays(14));
        }

        Instant signedAt() {
            return appliedAt.plus(Duration.ofDays(21));
        }

        Instant admittedAt() {
            return appliedAt.plus(Duration.ofDays(28));
        }

        boolean admitted() {
            return rejection == null;
        }

        /** Whether it could deliver services then: admitted, not suspended, neither expelled nor withdrawn. */
        boolean activeAt(Instant at) {
            if (!admitted() || at.isBefore(admittedAt())) {
                return false;
            }
            boolean active = true;
            for (MemberChange change : changes) {
                if (!change.at().isAfter(at)) {
                    active = change.path().equals("reinstatement");
                }
            }
            return active;
        }
    }

    /** An admitted member's offer of a project at a station, dated after both the admission and the opening. */
    record Offering(String id, Member member, Station station, String projectCode, Instant offeredAt) {
    }

    private static final String[] STEM_FIRST = {"东", "西", "南", "北", "新", "金", "银", "玉", "龙", "凤", "春", "秋"};
    private static final String[] STEM_SECOND = {"园", "苑", "村", "湾", "桥", "门", "街", "坊", "岗", "湖", "山", "塘"};

    final Unit federation = unit("FEDERATION", ReferenceScenario.FEDERATION_NAME, null, null, null);
    final Unit headquarters = unit("OPERATIONS_HQ", ReferenceScenario.HEADQUARTERS_NAME, federation.id(), null, null);
    final List<Unit> cityCentres = Arrays.stream(CityCentre.values())
            .map(centre -> unit("CITY_CENTRE", centre.label(), headquarters.id(), null, null)).toList();
    final List<Unit> branchCentres = new ArrayList<>();
    final List<Unit> communityHomes = new ArrayList<>();
    final List<Station> stations = new ArrayList<>();
    /**
     * The 11 members of the account, admitted in the pilot's first year, then the organisations that joined over the
     * years: one rejected, one expelled, two suspended for a while, one withdrawn.
     */
    final List<Member> members = List.of(
            member("PUBLIC_WELFARE", "李晓霞工作室", "SOCIAL_ORGANISATION", "李晓霞", "2014-01-06",
                    List.of("PSYCHOLOGICAL_COUNSELLING", "FAMILY_EDUCATION")),
            member("PUBLIC_WELFARE", "爱心妈妈QQ群", "SOCIAL_ORGANISATION", "周女士", "2014-01-20",
                    List.of("EARLY_EDUCATION", "EMPTY_NEST_ELDERLY_CARE")),
            member("PUBLIC_WELFARE", "金陵女子创梦空间", "SOCIAL_ORGANISATION", "王女士", "2014-02-10",
                    List.of("WOMEN_EMPLOYMENT", "SOCIAL_ORGANISATION_INCUBATION")),
            member("PUBLIC_WELFARE", "南京市月嫂联合会", "SOCIAL_ORGANISATION", "陈会长", "2014-03-03",
                    List.of("HOUSEKEEPING", "SKILLS_TRAINING")),
            member("PUBLIC_WELFARE", "12338热线", "SOCIAL_ORGANISATION", "热线负责人", "2014-03-17",
                    List.of("WOMEN_RIGHTS", "LEGAL_AID")),
            member("DOMESTIC_SERVICE", "南京市妇联婚姻家庭服务中心", "SOCIAL_ORGANISATION", "刘主任", "2014-01-13",
                    List.of("MATCHMAKING", "PSYCHOLOGICAL_COUNSELLING")),
            member("DOMESTIC_SERVICE", "江苏红娘", "ENTERPRISE", "赵经理", "2014-04-07", List.of("MATCHMAKING")),
            member("DOMESTIC_SERVICE", "六一早教", "ENTERPRISE", "孙园长", "2014-05-05", List.of("EARLY_EDUCATION")),
            member("DOMESTIC_SERVICE", "一家人物业保洁", "ENTERPRISE", "钱经理", "2014-06-09",
                    List.of("HOUSEKEEPING", "DELIVERY")),
            member("DOMESTIC_SERVICE", "乐斯家政", "ENTERPRISE", "吴经理", "2014-08-04",
                    List.of("HOUSEKEEPING", "EMPTY_NEST_ELDERLY_CARE")),
            member("DOMESTIC_SERVICE", "畅游体育", "ENTERPRISE", "郑教练", "2014-09-15", List.of("CULTURE_SPORTS")),
            member("PUBLIC_WELFARE", "秦淮巧娘手工坊", "SOCIAL_ORGANISATION", "许女士", "2015-05-11",
                    List.of("SKILLS_TRAINING")),
            member("PUBLIC_WELFARE", "金陵银发互助社", "SOCIAL_ORGANISATION", "何阿姨", "2016-03-07",
                    List.of("EMPTY_NEST_ELDERLY_CARE")),
            member("DOMESTIC_SERVICE", "南京馨悦家政服务有限公司", "ENTERPRISE", "冯经理", "2016-09-05",
                    List.of("HOUSEKEEPING"),
                    new MemberChange("expulsion", Instant.parse("2021-06-15T02:00:00Z"),
                            "多次服务投诉经核查属实，严重违反联盟公约")),
            member("PUBLIC_WELFARE", "雨花亲子阅读会", "SOCIAL_ORGANISATION", "邓老师", "2017-04-10",
                    List.of("FAMILY_EDUCATION", "EARLY_EDUCATION"),
                    new MemberChange("suspension", Instant.parse("2019-03-01T02:00:00Z"), "年检材料逾期未交"),
                    new MemberChange("reinstatement", Instant.parse("2019-06-03T02:00:00Z"), "年检材料已补交并通过审核")),
            member("PUBLIC_WELFARE", "江宁巾帼创业联合会", "SOCIAL_ORGANISATION", "曹会长", "2018-02-26",
                    List.of("WOMEN_EMPLOYMENT")),
            member("DOMESTIC_SERVICE", "南京安心护理服务有限公司", "ENTERPRISE", "彭经理", "2018-10-08",
                    List.of("EMPTY_NEST_ELDERLY_CARE"),
                    new MemberChange("suspension", Instant.parse("2022-05-10T02:00:00Z"), "护理人员资质证书过期"),
                    new MemberChange("reinstatement", Instant.parse("2022-08-01T02:00:00Z"), "护理人员已重新取得资质")),
            rejected("PUBLIC_WELFARE", "鼓楼法律援助志愿团", "SOCIAL_ORGANISATION", "蒋律师", "2019-09-02",
                    "未取得社会组织登记证书，资质材料不全"),
            member("DOMESTIC_SERVICE", "浦口快乐成长托育中心", "ENTERPRISE", "潘园长", "2020-11-02",
                    List.of("EARLY_EDUCATION")),
            member("DOMESTIC_SERVICE", "栖霞邻里帮帮团", "SOCIAL_ORGANISATION", "韩女士", "2021-05-10",
                    List.of("DELIVERY"),
                    new MemberChange("withdrawal", Instant.parse("2024-09-02T02:00:00Z"), "机构业务调整，主动退出联盟")),
            member("DOMESTIC_SERVICE", "六合田园家政服务社", "ENTERPRISE", "唐经理", "2023-03-06",
                    List.of("HOUSEKEEPING")));
    /** The domestic-service alliance's new convention version, and the member that does not sign it in time. */
    static final String NEW_CONVENTION = "2026-2";
    final Member missesNewConvention = members.stream().filter(member -> member.name().equals("浦口快乐成长托育中心"))
            .findFirst().orElseThrow();
    final List<Offering> offerings = new ArrayList<>();

    NanjingScenario() {
        int homesLeft = COMMUNITY_HOMES;
        int demonstrationLeft = DEMONSTRATION_HOMES;
        for (int d = 0; d < DISTRICTS.size(); d++) {
            String district = DISTRICTS.get(d);
            int districtsLeft = DISTRICTS.size() - d;
            // Spread homes and demonstration homes as evenly as the totals allow (the remainder to the first ones).
            int homes = (homesLeft + districtsLeft - 1) / districtsLeft;
            int demonstration = (demonstrationLeft + districtsLeft - 1) / districtsLeft;
            homesLeft -= homes;
            demonstrationLeft -= demonstration;
            Unit branch = unit("BRANCH_CENTRE", ReferenceScenario.branchCentreName(district), headquarters.id(),
                    district, null);
            branchCentres.add(branch);
            for (int h = 0; h < homes; h++) {
                String stem = STEM_FIRST[h / STEM_SECOND.length] + STEM_SECOND[h % STEM_SECOND.length];
                Unit home = unit("COMMUNITY_HOME", ReferenceScenario.communityHomeName(district, stem), branch.id(),
                        district, h < demonstration ? "PROVINCIAL_DEMONSTRATION" : "STANDARD");
                communityHomes.add(home);
                // The pilot: the first demonstration home of every district, and a second one in the first four.
                if (h == 0 || (h == 1 && d < PILOT_STATIONS - DISTRICTS.size())) {
                    int index = stations.size();
                    boolean suspended = SUSPENDED_PILOTS.contains(index);
                    stations.add(new Station(id("station", home.name()), home.id(), district + stem + "社区家庭驿站",
                            district, true, openedAt(index), suspended ? SUSPENDED : null,
                            suspended ? REOPENED : null));
                }
            }
        }
        // The network grew: two stations a year, at the next homes of the districts in turn, in spring and autumn.
        for (int n = 0; n < LATER_STATIONS; n++) {
            String district = DISTRICTS.get(n % DISTRICTS.size());
            Unit home = communityHomes.stream().filter(candidate -> district.equals(candidate.district())).skip(20 + n / DISTRICTS.size())
                    .findFirst().orElseThrow();
            Instant opened = LocalDate.of(2016 + n / 2, n % 2 == 0 ? 4 : 10, 15).atTime(9, 0).atZone(SHANGHAI)
                    .toInstant();
            stations.add(new Station(id("station", home.name()), home.id(),
                    home.name().replace("妇女儿童之家", "家庭驿站"), district, false, opened, null, null));
        }
        // Every admitted member offers its projects at two pilot stations and one later station, from when both
        // the member was admitted and the station had opened (and was open).
        List<Station> pilot = stations.subList(0, PILOT_STATIONS);
        List<Station> later = stations.subList(PILOT_STATIONS, stations.size());
        for (int m = 0; m < members.size(); m++) {
            Member member = members.get(m);
            if (!member.admitted()) {
                continue;
            }
            for (Station station : List.of(pilot.get((2 * m) % pilot.size()), pilot.get((2 * m + 7) % pilot.size()),
                    later.get(m % later.size()))) {
                Instant from = member.admittedAt().isAfter(station.openedAt()) ? member.admittedAt()
                        : station.openedAt();
                Instant offeredAt = from.plus(Duration.ofDays(10));
                if (!station.openAt(offeredAt)) {
                    offeredAt = station.reopenedAt().plus(Duration.ofDays(1));
                }
                if (offeredAt.isAfter(END) || !member.activeAt(offeredAt)) {
                    continue;
                }
                for (String project : member.projects()) {
                    offerings.add(new Offering(id("offering", member.id() + ":" + station.id() + ":" + project),
                            member, station, project, offeredAt));
                }
            }
        }
    }

    /** The pilot's stations, the first opened. */
    List<Station> pilot() {
        return stations.subList(0, PILOT_STATIONS);
    }

    List<Unit> allUnits() {
        List<Unit> units = new ArrayList<>();
        units.add(federation);
        units.add(headquarters);
        units.addAll(cityCentres);
        units.addAll(branchCentres);
        units.addAll(communityHomes);
        return units;
    }

    private static Unit unit(String level, String name, String parentId, String district, String tier) {
        return new Unit(id("unit", name), level, name, parentId, district, tier);
    }

    private static Member member(String alliance, String name, String type, String contact, String appliedOn,
                                 List<String> projects, MemberChange... changes) {
        return new Member(id("member", name), alliance, name, type, creditCode(name, type), contact,
                LocalDate.parse(appliedOn).atTime(10, 0).atZone(SHANGHAI).toInstant(), null, projects,
                List.of(changes));
    }

    private static Member rejected(String alliance, String name, String type, String contact, String appliedOn,
                                   String reason) {
        return new Member(id("member", name), alliance, name, type, creditCode(name, type), contact,
                LocalDate.parse(appliedOn).atTime(10, 0).atZone(SHANGHAI).toInstant(), reason, List.of(), List.of());
    }

    /** A valid unified social credit code derived from the name (Nanjing's division code, 320100). */
    private static String creditCode(String name, String type) {
        String digits = String.format("%09d", Math.floorMod(name.hashCode(), 1_000_000_000));
        String first17 = (type.equals("ENTERPRISE") ? "91" : "52") + "320100" + digits;
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    /** A stable UUID for a named thing of the scenario. */
    static String id(String kind, String name) {
        return ReferenceScenario.id(kind, name);
    }
}
