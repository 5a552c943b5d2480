package org.familystation.platform.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.familystation.platform.error.ProblemDetailsAdvice;
import org.familystation.platform.error.UnavailableDependencyFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The HTTP conventions both sides share: problem details for every error, whole numbers that stay whole, and a
 * handler lookup that asks the path first.
 */
@AutoConfiguration
@Import(ProblemDetailsAdvice.class)
public class WebConfiguration {

    /**
     * A count or a number of minutes sent as {@code 1.5} is refused (400 INVALID_FIELD), not silently cut to 1:
     * Jackson's default would truncate it.
     */
    @Bean
    public Jackson2ObjectMapperBuilderCustomizer wholeNumbersStayWhole() {
        return builder -> builder.featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    /** Spring MVC's request mappings, each asked for its path before its method and headers. */
    @Bean
    public WebMvcRegistrations pathFirstHandlerMapping() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PathFirstHandlerMapping();
            }
        };
    }

    /** After the correlation id and the body limit, before authentication (which may need the database). */
    @Bean
    public FilterRegistrationBean<UnavailableDependencyFilter> unavailableDependencyFilter(ObjectMapper json) {
        FilterRegistrationBean<UnavailableDependencyFilter> registration =
                new FilterRegistrationBean<>(new UnavailableDependencyFilter(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
