package org.familystation.events.common;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The names and ids of the units of the Nanjing reference scenario (DOMAIN.md §8) that others need to know: the
 * scenario loader builds them, and the demo accounts are bound to them. Every id is derived from the unit's name,
 * so the same world has the same ids on every run.
 */
public final class ReferenceScenario {

    public static final String FEDERATION_NAME = "南京市妇联";
    public static final String HEADQUARTERS_NAME = "南京市妇女儿童活动中心（运营总部）";

    public static final String FEDERATION_ID = unitId(FEDERATION_NAME);
    public static final String HEADQUARTERS_ID = unitId(HEADQUARTERS_NAME);
    public static final String XUANWU_BRANCH_ID = unitId(branchCentreName("玄武区"));
    public static final String GULOU_BRANCH_ID = unitId(branchCentreName("鼓楼区"));
    /** The first community home of 玄武区, a provincial demonstration home with a pilot station. */
    public static final String XUANWU_PILOT_HOME_ID = unitId(communityHomeName("玄武区", "东园"));

    private ReferenceScenario() {
    }

    /** The unit of a city centre: it bears the centre's name. */
    public static String cityCentreId(CityCentre centre) {
        return unitId(centre.label());
    }

    public static String branchCentreName(String district) {
        return district + "妇女儿童活动中心";
    }

    public static String communityHomeName(String district, String stem) {
        return district + stem + "社区妇女儿童之家";
    }

    public static String unitId(String name) {
        return id("unit", name);
    }

    /** A stable UUID for a named thing of the scenario. */
    public static String id(String kind, String name) {
        return UUID.nameUUIDFromBytes(("familystation:nanjing:" + kind + ":" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
