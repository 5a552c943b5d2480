package org.familystation.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's handler mapping, asking a mapping's path first. A path with a variable in it
 * ({@code /api/stations/{id}/service-records}, every command on a station) matches no mapping directly, so Spring
 * tries every mapping of the application in turn, and each tries its HTTP method, parameters, headers and media types
 * before its path: the method read through Spring Security's request wrappers, a CORS pre-flight check per condition.
 * With 135 mappings that lookup was 12.5% of the application's CPU samples under RecordService load (BENCHMARKS.md,
 * 2026-12-05). A mapping whose path does not match cannot be the handler, so it is left out before the rest is asked;
 * the one whose path matches is then matched in full, as before. Which handler answers, and the 404, 405 and 415
 * answers when none does, are Spring's own (those come from a second pass over all mappings).
 */
public class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        PathPatternsRequestCondition paths = info.getPathPatternsCondition();
        if (paths != null && paths.getMatchingCondition(request) == null) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }
}
