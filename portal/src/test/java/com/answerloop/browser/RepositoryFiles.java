package com.answerloop.browser;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds files of the repository (and the workspace around it) from whatever directory the tests run in. */
final class RepositoryFiles {

    private RepositoryFiles() {}

    /**
     * The nearest {@code relative} path found walking up from the working directory, e.g.
     * {@code kb-content} (the repository root) or {@code shared/security/xss-payloads.txt} (next to it).
     */
    static Path find(String relative) {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.exists(candidate)) {
                return candidate.normalize();
            }
        }
        throw new IllegalStateException("cannot find " + relative + " in " + start + " or any parent directory");
    }
}
