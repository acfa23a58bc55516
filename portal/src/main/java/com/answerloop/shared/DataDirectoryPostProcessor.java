package com.answerloop.shared;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code answerloop.data-dir} absolute before anything uses it. H2 refuses a database path that is implicitly
 * relative ({@code --answerloop.data-dir=data}), and an absolute path also keeps the index and the database in the
 * same place whatever the working directory of later file operations.
 */
class DataDirectoryPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "answerloop.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY);
        if (configured == null || configured.isBlank() || Path.of(configured).isAbsolute()) {
            return;
        }
        Path absolute = Path.of(configured).toAbsolutePath().normalize();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("answerloopAbsoluteDataDir", Map.of(PROPERTY, absolute.toString())));
    }

    /** After the configuration files are loaded, so every way of setting the directory is covered. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
