package org.familystation.app;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;

import java.io.IOException;
import java.time.Duration;

/**
 * Serves the workbench (infra/workbench, built into {@code META-INF/resources} of its jar). The workbench routes in
 * the browser ({@code /records}, {@code /dashboard}, …): a path that names no file gets {@code index.html}, so a
 * reload or a bookmark opens the right screen. Paths of the API and the other servers' endpoints are never
 * answered with the page. Ordered first so that Spring Boot's default static handler for {@code /**} stands back.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkbenchResources implements WebMvcConfigurer {

    private static final String LOCATION = "classpath:/META-INF/resources/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // Vite names built files by their content: they never change, and may be kept for a year.
        // Each file is sent as the gzip copy the build wrote beside it (name.gz) to a browser that accepts gzip
        // (with Content-Encoding and Vary: Accept-Encoding), so nothing is compressed per request.
        registry.addResourceHandler("/assets/**")
                .addResourceLocations(LOCATION + "assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(false)
                .addResolver(new EncodedResourceResolver())
                .addResolver(new PathResourceResolver());
        registry.addResourceHandler("/**")
                .addResourceLocations(LOCATION)
                .setCacheControl(CacheControl.noCache())
                .resourceChain(false)
                .addResolver(new EncodedResourceResolver())
                .addResolver(new PathResourceResolver() {
                    @Override
                    protected Resource getResource(String path, Resource location) throws IOException {
                        Resource file = location.createRelative(path);
                        if (file.exists() && file.isReadable() && !path.isEmpty()) {
                            return file;
                        }
                        return isWorkbenchRoute(path) ? location.createRelative("index.html") : null;
                    }
                });
    }

    /** A screen of the workbench: no file extension, and not under the API or the servers' own paths. */
    static boolean isWorkbenchRoute(String path) {
        return !path.startsWith("api/") && !path.startsWith("v3/") && !path.startsWith("swagger-ui")
                && !path.startsWith("actuator/") && !path.substring(path.lastIndexOf('/') + 1).contains(".");
    }
}
