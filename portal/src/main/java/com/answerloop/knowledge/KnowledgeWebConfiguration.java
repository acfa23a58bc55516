package com.answerloop.knowledge;

import com.answerloop.shared.PortalSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * Serves the images and PDFs under {@code kb-content/assets/} that articles link to. Assets are served on the portal's
 * own origin, so only passive types are: an HTML file or anything else is a 404, and an SVG (which may carry script)
 * is a sandboxed document when opened directly, so it cannot run script or reach the portal's cookies.
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeWebConfiguration implements WebMvcConfigurer {

    private static final String ASSETS = "/kb-assets/**";

    /** File types an article may link to as an asset (ASVS 12.5.1); everything else is not served. */
    static final Set<String> SERVED_TYPES = Set.of("png", "jpg", "jpeg", "gif", "webp", "avif", "pdf", "svg");

    private final PortalSettings portal;

    KnowledgeWebConfiguration(PortalSettings portal) {
        this.portal = portal;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String assets = portal.contentDir()
                .toAbsolutePath()
                .normalize()
                .resolve("assets")
                .toUri()
                .toString();
        registry.addResourceHandler(ASSETS)
                .addResourceLocations(assets.endsWith("/") ? assets : assets + "/")
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .resourceChain(true)
                .addResolver(new ServedTypesOnly());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AssetHeaders()).addPathPatterns(ASSETS);
    }

    static boolean served(String path) {
        int dot = path.lastIndexOf('.');
        return dot >= 0 && SERVED_TYPES.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Resolves only files of the served types, so an .html (or any other) asset is a 404. */
    private static final class ServedTypesOnly extends AbstractResourceResolver {

        @Override
        protected Resource resolveResourceInternal(
                HttpServletRequest request,
                String path,
                List<? extends Resource> locations,
                ResourceResolverChain chain) {
            return served(path) ? chain.resolveResource(request, path, locations) : null;
        }

        @Override
        protected String resolveUrlPathInternal(
                String path, List<? extends Resource> locations, ResourceResolverChain chain) {
            return served(path) ? chain.resolveUrlPath(path, locations) : null;
        }
    }

    /**
     * No type sniffing for any asset, and every asset but a PDF (which Chromium's viewer will not show sandboxed) is a
     * sandboxed document when opened on its own, so an SVG runs no script there. Decided on the decoded path the
     * resource handler resolves, so no spelling of {@code .svg} escapes it.
     */
    private static final class AssetHeaders implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            response.setHeader("X-Content-Type-Options", "nosniff");
            Object path = request.getAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE);
            if (path == null || !path.toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
                // Added, not set: a site-wide policy stays in force next to this one.
                response.addHeader("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'");
            }
            return true;
        }
    }
}
