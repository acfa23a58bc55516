package com.answerloop.knowledge;

import com.answerloop.shared.PortalSettings;
import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Serves the images under {@code kb-content/assets/} that articles link to. */
@Configuration(proxyBeanMethods = false)
class KnowledgeWebConfiguration implements WebMvcConfigurer {

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
        registry.addResourceHandler("/kb-assets/**")
                .addResourceLocations(assets.endsWith("/") ? assets : assets + "/")
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)));
    }
}
