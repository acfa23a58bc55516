package com.answerloop.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The portal on a random port with the shipped {@code kb-content/} on embedded H2. Every test class
 * with this annotation shares one running portal (one Spring context in the test context cache).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PortalInitializer.ShippedContentOnH2.class)
@interface ShippedContentPortal {}
