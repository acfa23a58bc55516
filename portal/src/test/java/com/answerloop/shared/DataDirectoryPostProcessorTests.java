package com.answerloop.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class DataDirectoryPostProcessorTests {

    private final DataDirectoryPostProcessor processor = new DataDirectoryPostProcessor();

    @Test
    void aRelativeDataDirectoryBecomesAbsoluteSoTheEmbeddedDatabaseAcceptsIt() {
        MockEnvironment environment = new MockEnvironment().withProperty("answerloop.data-dir", "bench/data");
        environment.setProperty("db.url", "jdbc:h2:file:${answerloop.data-dir}/answerloop");

        processor.postProcessEnvironment(environment, new SpringApplication());

        Path expected = Path.of("bench/data").toAbsolutePath().normalize();
        assertThat(environment.getProperty("answerloop.data-dir")).isEqualTo(expected.toString());
        assertThat(environment.getProperty("db.url")).isEqualTo("jdbc:h2:file:" + expected + "/answerloop");
    }

    @Test
    void anAbsoluteDataDirectoryIsLeftAsConfigured() {
        MockEnvironment environment = new MockEnvironment().withProperty("answerloop.data-dir", "/srv/answerloop");

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("answerloop.data-dir")).isEqualTo("/srv/answerloop");
        assertThat(environment.getPropertySources().contains("answerloopAbsoluteDataDir"))
                .isFalse();
    }
}
