package com.answerloop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Answerloop: help center, community forum and support cases around one knowledge base. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AnswerloopApplication {

    public static void main(String[] args) {
        SpringApplication.run(AnswerloopApplication.class, args);
    }
}
