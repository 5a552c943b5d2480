package org.familystation.command.servicerecord;

import org.familystation.events.common.StationPoint;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The service projects (服务项目) a service can be recorded under, each belonging to one station point. */
@Component
public class ServiceProjectCatalogue {

    public record ServiceProject(String code, String name, StationPoint stationPoint) {
    }

    /** The default catalogue of DOMAIN.md §3. */
    static final List<ServiceProject> DEFAULTS = List.of(
            new ServiceProject("HOUSEKEEPING", "家政", StationPoint.CONVENIENCE),
            new ServiceProject("DELIVERY", "配送", StationPoint.CONVENIENCE),
            new ServiceProject("CULTURE_SPORTS", "文体", StationPoint.HAPPINESS),
            new ServiceProject("MATCHMAKING", "婚介", StationPoint.EMOTIONAL),
            new ServiceProject("EARLY_EDUCATION", "早教", StationPoint.HAPPINESS),
            new ServiceProject("WOMEN_EMPLOYMENT", "妇女就业创业", StationPoint.ENTREPRENEURSHIP),
            new ServiceProject("WOMEN_RIGHTS", "妇女权益维护", StationPoint.EMOTIONAL),
            new ServiceProject("SOCIAL_ORGANISATION_INCUBATION", "社会组织培育", StationPoint.ENTREPRENEURSHIP),
            new ServiceProject("FAMILY_EDUCATION", "家庭教育", StationPoint.CULTURE),
            new ServiceProject("EMPTY_NEST_ELDERLY_CARE", "空巢老人关爱", StationPoint.CONVENIENCE),
            new ServiceProject("SKILLS_TRAINING", "实用技能培训", StationPoint.ENTREPRENEURSHIP),
            new ServiceProject("PSYCHOLOGICAL_COUNSELLING", "心理咨询", StationPoint.EMOTIONAL),
            new ServiceProject("LEGAL_AID", "法律援助", StationPoint.EMOTIONAL));

    private final Map<String, ServiceProject> projects = new LinkedHashMap<>();

    public ServiceProjectCatalogue() {
        DEFAULTS.forEach(project -> projects.put(project.code(), project));
    }

    public Optional<ServiceProject> find(String code) {
        return Optional.ofNullable(code == null ? null : projects.get(code.strip()));
    }
}
