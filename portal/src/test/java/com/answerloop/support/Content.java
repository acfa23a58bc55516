package com.answerloop.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Locates the project's shipped files (kb-content, testdata) from wherever the test runs. */
public final class Content {

    private Content() {}

    /** The repository's {@code kb-content/} folder. */
    public static Path shippedKnowledgeBase() {
        return find("kb-content");
    }

    /**
     * A file of the repository's {@code testdata/} folder, e.g. {@code security/xss-payloads.txt}: the data sets the
     * tests read, kept in the repository with their licences (testdata/README.md).
     */
    public static Path testData(String relative) {
        Path file = find("testdata").resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("testdata/" + relative + " is missing: " + file);
        }
        return file;
    }

    /** Copies a folder tree, so a test can change files without touching the repository. */
    /** A new directory under the system's temporary folder, for a test context's data or content; gone at exit. */
    public static Path temporaryDirectory(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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
