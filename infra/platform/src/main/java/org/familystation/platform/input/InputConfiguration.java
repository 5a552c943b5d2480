package org.familystation.platform.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.familystation.platform.error.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Strict input for both sides' HTTP APIs: a bounded body, read by strict JSON rules ({@link StrictJson}). */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({InputProperties.class, NetworkDates.class})
@Import(QueryParameterDates.class)
public class InputConfiguration {

    private static final Logger log = LoggerFactory.getLogger(InputConfiguration.class);

    /** Where spreadsheets are uploaded, with their own, larger limit. */
    public static final String UPLOAD_PATH = "/api/imports/";

    @Bean
    public Jackson2ObjectMapperBuilderCustomizer strictJson(NetworkDates dates, InputProperties limits) {
        return builder -> builder.postConfigurer(mapper -> StrictJson.configure(mapper, dates, limits));
    }

    /** Right after the correlation id is set (so the 413 carries one), before authentication. */
    @Bean
    public FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(InputProperties limits, ObjectMapper json) {
        FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(new BodyLimitFilter(
                limits.getMaxBodySize().toBytes(), UPLOAD_PATH, limits.getMaxUploadSize().toBytes(),
                (response, limit) -> refuse(response, limit, json)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    private static void refuse(HttpServletResponse response, long limit, ObjectMapper json) {
        log.info("Refused 413 PAYLOAD_TOO_LARGE: the request body is larger than {} bytes", limit);
        try {
            response.setHeader("Connection", "close");
            Problems.write(response, json, Problems.bodyTooLarge(limit));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
