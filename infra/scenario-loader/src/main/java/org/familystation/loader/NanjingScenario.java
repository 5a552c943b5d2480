package org.familystation.loader;

import org.familystation.events.common.CityCentre;
import org.familystation.events.common.ReferenceScenario;
import org.familystation.events.common.UnifiedSocialCreditCode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The reference scenario of DOMAIN.md §8, as data: Nanjing's federation, operations headquarters, 11 district branch
 * centres, 1,317 community homes (164 provincial demonstration homes), the three city centres, 15 pilot stations at
 * demonstration homes, and the 11 alliance members named in the account. Every id is derived from a name, so the
 * same world has the same ids on every run.
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

    record Unit(String id, String level, String name, String parentId, String district, String tier) {

        Unit under(String parent) {
            return new Unit(id, level, name, parent, district, tier);
        }
    }

    record Station(String id, String homeId, String name, String district) {
    }

    /** When the index-th pilot station opened. */
    static Instant openedAt(int index) {
        return PILOT_OPENED.plus(Duration.ofDays(7L * index));
    }

    record Member(String id, String alliance, String name, String organisationType, String creditCode,
                  String contactPerson) {
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
    final List<Member> members = List.of(
            member("PUBLIC_WELFARE", "李晓霞工作室", "SOCIAL_ORGANISATION", "李晓霞"),
            member("PUBLIC_WELFARE", "爱心妈妈QQ群", "SOCIAL_ORGANISATION", "周女士"),
            member("PUBLIC_WELFARE", "金陵女子创梦空间", "SOCIAL_ORGANISATION", "王女士"),
            member("PUBLIC_WELFARE", "南京市月嫂联合会", "SOCIAL_ORGANISATION", "陈会长"),
            member("PUBLIC_WELFARE", "12338热线", "SOCIAL_ORGANISATION", "热线负责人"),
            member("DOMESTIC_SERVICE", "南京市妇联婚姻家庭服务中心", "SOCIAL_ORGANISATION", "刘主任"),
            member("DOMESTIC_SERVICE", "江苏红娘", "ENTERPRISE", "赵经理"),
            member("DOMESTIC_SERVICE", "六一早教", "ENTERPRISE", "孙园长"),
            member("DOMESTIC_SERVICE", "一家人物业保洁", "ENTERPRISE", "钱经理"),
            member("DOMESTIC_SERVICE", "乐斯家政", "ENTERPRISE", "吴经理"),
            member("DOMESTIC_SERVICE", "畅游体育", "ENTERPRISE", "郑教练"));

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
                    stations.add(new Station(id("station", home.name()), home.id(),
                            district + stem + "社区家庭驿站", district));
                }
            }
        }
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

    private static Member member(String alliance, String name, String type, String contact) {
        // A valid unified social credit code derived from the name (Nanjing's division code, 320100).
        String digits = String.format("%09d", Math.floorMod(name.hashCode(), 1_000_000_000));
        String first17 = (type.equals("ENTERPRISE") ? "91" : "52") + "320100" + digits;
        return new Member(id("member", name), alliance, name, type,
                first17 + UnifiedSocialCreditCode.checkCharacter(first17), contact);
    }

    /** A stable UUID for a named thing of the scenario. */
    static String id(String kind, String name) {
        return ReferenceScenario.id(kind, name);
    }
}
