package org.familystation.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.familystation.platform.error.DomainException;
import org.familystation.platform.error.Problems;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;

import java.util.List;

/**
 * HTTP Basic for scripts and a web session for the workbench ({@link WebSessions}, {@link SignInConfiguration}).
 * Who may write what follows the roles of DOMAIN.md §7; every authenticated user may read. Refusals are problem documents like every other error of the API.
 */
@AutoConfiguration(before = UserDetailsServiceAutoConfiguration.class)
@EnableWebSecurity
public class SecurityConfiguration {

    /** The bean Spring Security registers its filter chain as. */
    static final String SECURITY_CHAIN = AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME;
    /** The chain Spring Security wraps its own in when Spring MVC is present, and the filter it puts first. */
    static final String MVC_WRAPPER =
            "org.springframework.security.config.annotation.web.configuration.WebMvcSecurityConfiguration"
                    + "$CompositeFilterChainProxy";
    static final String HANDLER_LOOKUP =
            "org.springframework.security.config.annotation.web.configuration.WebMvcSecurityConfiguration"
                    + "$HandlerMappingIntrospectorCacheFilterFactoryBean";

    @Bean
    public SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper objectMapper, WebSessions webSessions,
                                           SignInProblems signInProblems) throws Exception {
        String admin = Role.ADMIN.name();
        String operator = Role.OPERATOR.name();
        String worker = Role.STATION_WORKER.name();
        String centre = Role.CENTRE_STAFF.name();
        String auditor = Role.AUDITOR.name();
        webSessions.configure(http);
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                                "/actuator/health/**", "/error").permitAll()
                        // Signing in and out; the session's controller answers who is signed in, or 401.
                        .requestMatchers("/api/session", "/api/session/**").permitAll()
                        .requestMatchers(WebSessions.WORKBENCH_FILES).permitAll()
                        .requestMatchers("/api/accounts", "/api/accounts/**", "/api/history/accounts/**")
                        .hasRole(admin)
                        .requestMatchers(HttpMethod.POST, "/api/units/*/needs-surveys", "/api/needs-surveys/*/**",
                                "/api/volunteers/*/hours").hasAnyRole(admin, operator, worker)
                        .requestMatchers(HttpMethod.POST, "/api/stations", "/api/alliance-applications",
                                "/api/alliance-members/*/**", "/api/alliances/*/conventions",
                                "/api/offerings/*/withdrawal", "/api/units", "/api/units/**", "/api/catalogues/**",
                                "/api/stations/*/points/**", "/api/stations/*/specialties",
                                "/api/stations/*/specialties/**", "/api/stations/*/suspension",
                                "/api/stations/*/reopening", "/api/stations/*/closure", "/api/social-workers",
                                "/api/social-workers/*/**", "/api/federation-staff", "/api/volunteers")
                        .hasAnyRole(admin, operator)
                        .requestMatchers(HttpMethod.POST, "/api/stations/*/service-records",
                                "/api/service-records/*/**").hasAnyRole(admin, operator, worker)
                        // Spreadsheet imports: which kinds a role may import, ImportKind says (the same roles as
                        // the commands' own paths above and below).
                        .requestMatchers(HttpMethod.POST, "/api/imports/*").hasAnyRole(admin, operator, worker)
                        .requestMatchers(HttpMethod.POST, "/api/funds/*/allocations/*/expenditures")
                                .hasAnyRole(admin, operator, worker)
                        .requestMatchers(HttpMethod.POST, "/api/funds", "/api/funds/**").hasAnyRole(admin, operator)
                        // Stations refer cases and may withdraw them; the centres answer and work them.
                        .requestMatchers(HttpMethod.POST, "/api/stations/*/referrals", "/api/referrals/*/withdrawal")
                        .hasAnyRole(admin, operator, worker)
                        .requestMatchers(HttpMethod.POST, "/api/referrals/*/acceptance", "/api/referrals/*/decline",
                                "/api/referrals/*/work", "/api/referrals/*/resolution", "/api/referrals/*/closure")
                        .hasAnyRole(admin, centre)
                        // A referral's history holds the case summary (personal data): federation and auditors only.
                        .requestMatchers(HttpMethod.GET, "/api/history/referrals/**").hasAnyRole(admin, auditor)
                        // The audit trail spans every entity, referrals' reasons included.
                        .requestMatchers(HttpMethod.GET, "/api/audit/**").hasAnyRole(admin, auditor)
                        // The whole network at a past moment: federation, headquarters and auditors.
                        .requestMatchers(HttpMethod.GET, "/api/as-of", "/api/as-of/**")
                        .hasAnyRole(admin, operator, auditor)
                        // Evaluations are for the federation, the headquarters and evaluators.
                        .requestMatchers(HttpMethod.GET, "/api/evaluations").hasAnyRole(admin, operator, auditor)
                        // Metrics (/actuator/prometheus) and the other actuator endpoints but health (open above, for
                        // load balancers; its details only to ADMIN): a scraper signs in as an ADMIN account.
                        .requestMatchers("/actuator/**").hasRole(admin)
                        // Operating the read side (processors, rebuilds, dead letters): the federation's admins.
                        .requestMatchers("/api/admin/**").hasRole(admin)
                        // Every signed-in account with a role and a unit reads; one without has no access at all
                        // (what it may read within its reach, the query side decides).
                        .requestMatchers(HttpMethod.GET, "/api/**").access((authentication, context) ->
                                new AuthorizationDecision(authentication.get() != null
                                        && authentication.get().isAuthenticated()
                                        && !(authentication.get() instanceof AnonymousAuthenticationToken)
                                        && !noAccess(authentication.get())))
                        .anyRequest().hasRole(admin))
                .httpBasic(basic -> basic.authenticationEntryPoint(signInProblems))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, exception) ->
                        Problems.write(response, objectMapper, Problems.of(DomainException.refuse(
                                noAccess(SecurityContextHolder.getContext().getAuthentication())
                                        ? AccessRefusals.NO_ACCESS : AccessRefusals.FORBIDDEN)))))
                .build();
    }

    /**
     * The rules' paths are matched as path patterns (Spring Security 7's default), not through Spring MVC's handler
     * mappings: with MVC matchers every rule checked looked the request's handler up again, a tenth of a
     * RecordService request's CPU in the benchmark's profile (BENCHMARKS.md).
     */
    @Bean
    public static PathPatternRequestMatcherBuilderFactoryBean requestMatcherBuilder() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /**
     * Spring Security's filter chain without Spring MVC's handler lookup before it. Whenever Spring MVC is present,
     * Spring Security wraps its chain in one that first looks each request's handler up in Spring MVC's mappings
     * (HandlerMappingIntrospector's cache filter), for MVC request matchers and CORS decisions to read later. This
     * application has neither (path-pattern matchers above, no CORS), so that lookup was pure cost, and the
     * DispatcherServlet does it again: 6–7% of the application's CPU per RecordService in the benchmark's profile
     * (BENCHMARKS.md). The wrapper is taken out of the chain's definition, whatever else wraps it (the filter that
     * parses the request's path once for the path-pattern matchers stays). Should a later Spring Security register
     * it otherwise, nothing is changed; PermissionMatrixTest checks that the lookup is gone.
     */
    @Bean
    public static BeanFactoryPostProcessor securityChainWithoutHandlerLookup() {
        return beanFactory -> {
            if (beanFactory instanceof BeanDefinitionRegistry registry
                    && registry.containsBeanDefinition(SECURITY_CHAIN)) {
                BeanDefinition chain = registry.getBeanDefinition(SECURITY_CHAIN);
                BeanDefinition unwrapped = withoutHandlerLookup(chain);
                if (unwrapped != chain) {
                    registry.removeBeanDefinition(SECURITY_CHAIN);
                    registry.registerBeanDefinition(SECURITY_CHAIN, unwrapped);
                }
            }
        };
    }

    /**
     * The chain's definition without the handler-lookup wrapper: a composite chain is defined by the list of its
     * filters, the last of which is the chain it wraps.
     */
    private static BeanDefinition withoutHandlerLookup(BeanDefinition chain) {
        String type = chain.getBeanClassName();
        ValueHolder argument = chain.getConstructorArgumentValues().getIndexedArgumentValue(0, List.class);
        if (type == null || !type.endsWith("$CompositeFilterChainProxy") || argument == null
                || !(argument.getValue() instanceof List<?> filters) || filters.isEmpty()
                || !(filters.get(filters.size() - 1) instanceof BeanDefinition wrapped)) {
            return chain;
        }
        if (type.equals(MVC_WRAPPER) && filters.size() == 2 && filters.get(0) instanceof BeanDefinition lookup
                && lookup.getBeanClassName() != null && lookup.getBeanClassName().equals(HANDLER_LOOKUP)) {
            return withoutHandlerLookup(wrapped);
        }
        @SuppressWarnings("unchecked")
        List<Object> editable = (List<Object>) filters;
        editable.set(filters.size() - 1, withoutHandlerLookup(wrapped));
        return chain;
    }

    /**
     * No Spring Security observations at all: with them only disabled (management.observations.enable), every filter
     * of every request was still wrapped in an observing filter and every authorization in an observing manager (in
     * the benchmark's profile of RecordService each request thread ran through those wrappers); the HTTP request
     * metrics stay.
     */
    @Bean
    public static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** An account without a role or unit is told so, rather than that its role may not do this. */
    private static boolean noAccess(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof FamilyStationUser user
                && AccessRefusals.hasNoAccess(user);
    }
}
