package com.answerloop.browser;

import com.answerloop.support.Browser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the portal under test with a fresh temporary data directory (database files, search
 * index) and the content directory a subclass chooses. The initializer class is part of Spring's
 * context cache key: test classes naming the same initializer share one running portal.
 */
abstract class PortalInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("answerloop-browser-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path contentDir = contentDir();
        Map<String, Object> properties = new HashMap<>();
        properties.put("answerloop.data-dir", dataDir.toString());
        properties.put("answerloop.content-dir", contentDir.toString());
        properties.putAll(extraProperties());
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("answerloop-browser-test", properties));
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                Browser.deleteRecursively(dataDir);
                if (temporaryContent()) {
                    Browser.deleteRecursively(contentDir);
                }
            }
        });
    }

    abstract Path contentDir();

    /** Whether {@link #contentDir()} was generated for this run and goes when the portal stops. */
    boolean temporaryContent() {
        return false;
    }

    Map<String, Object> extraProperties() {
        return Map.of();
    }

    /** The shipped {@code kb-content/} of this repository (tests run in {@code portal/}). */
    static Path shippedContent() {
        return com.answerloop.support.Content.shippedKnowledgeBase();
    }

    /** The shipped knowledge base on the embedded H2 database. */
    static final class ShippedContentOnH2 extends PortalInitializer {
        @Override
        Path contentDir() {
            return shippedContent();
        }
    }

    /** The shipped knowledge base on the MariaDB/MySQL at 127.0.0.1:3306 (with {@code @ActiveProfiles("mysql")}). */
    static final class ShippedContentOnMariaDb extends PortalInitializer {
        @Override
        Path contentDir() {
            return shippedContent();
        }

        @Override
        Map<String, Object> extraProperties() {
            return com.answerloop.support.MariaDb.freshDatabase("answerloop_browser_it");
        }
    }
}
