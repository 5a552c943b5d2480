package org.familystation.command.referral;

import org.familystation.events.common.CityCentre;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.familystation.events.common.CityCentre.*;

/**
 * The categories each city centre takes referrals under: the defaults below, plus those configured in
 * {@code familystation.referrals.categories}, so that a new kind of case needs no code change.
 */
@Component
public class ReferralCategoryCatalogue {

    public record ReferralCategory(CityCentre centre, String code, String name) {
    }

    static final List<ReferralCategory> DEFAULTS = List.of(
            new ReferralCategory(DOMESTIC_SERVICE_CENTRE, "HOUSEKEEPING_PLACEMENT", "家政岗位对接"),
            new ReferralCategory(DOMESTIC_SERVICE_CENTRE, "HOUSEKEEPING_TRAINING", "家政技能培训"),
            new ReferralCategory(DOMESTIC_SERVICE_CENTRE, "EMPLOYMENT", "就业创业帮扶"),
            new ReferralCategory(RIGHTS_SERVICE_CENTRE, "LEGAL_AID", "法律援助"),
            new ReferralCategory(RIGHTS_SERVICE_CENTRE, "PSYCHOLOGICAL_SUPPORT", "心理疏导"),
            new ReferralCategory(RIGHTS_SERVICE_CENTRE, "DOMESTIC_VIOLENCE_PROTECTION", "反家庭暴力保护"),
            new ReferralCategory(SOCIAL_ORGANISATION_CENTRE, "SOCIAL_ORGANISATION_SUPPORT", "社会组织对接"),
            new ReferralCategory(SOCIAL_ORGANISATION_CENTRE, "COMMUNITY_PROJECT", "社区公益项目"));

    /** Per centre, by code. */
    private final Map<CityCentre, Map<String, ReferralCategory>> categories = new LinkedHashMap<>();

    public ReferralCategoryCatalogue(ReferralProperties properties) {
        DEFAULTS.forEach(this::add);
        properties.getCategories().forEach((centre, extra) -> extra.forEach((code, name) ->
                add(new ReferralCategory(centre, code.strip(), name.strip()))));
    }

    private void add(ReferralCategory category) {
        categories.computeIfAbsent(category.centre(), centre -> new LinkedHashMap<>()).put(category.code(), category);
    }

    /** The centre's category with that code. */
    public Optional<ReferralCategory> find(CityCentre centre, String code) {
        return Optional.ofNullable(code == null ? null
                : categories.getOrDefault(centre, Map.of()).get(code.strip()));
    }

    /** A category with that code at any centre (to tell a client which centre takes it). */
    public Optional<ReferralCategory> findAnywhere(String code) {
        return categories.values().stream()
                .map(byCode -> code == null ? null : byCode.get(code.strip()))
                .filter(Objects::nonNull)
                .findFirst();
    }
}
