/** What the knowledge module asks of modules above it; they implement these interfaces. */
@org.springframework.modulith.NamedInterface("spi")
package com.answerloop.knowledge.spi;
