package com.answerloop.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Locates the project's shipped files (kb-content, ../shared) from wherever the test runs. */
public final class Content {

    private Content() {}

    /** The repository's {@code kb-content/} folder. */
    public static Path shippedKnowledgeBase() {
        return find("kb-content");
    }

    /** A file of the shared folder that sits beside the checkout, e.g. {@code security/xss-payloads.txt}. */
    public static Path shared(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "shared/" + relative + " not found above " + Path.of("").toAbsolutePath());
    }

    /** Copies a folder tree, so a test can change files without touching the repository. */
    public static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path find(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(name)) && Files.exists(dir.resolve("pom.xml"))) {
                return dir.resolve(name);
            }
        }
        throw new IllegalStateException(name + " not found above " + Path.of("").toAbsolutePath());
    }
}
