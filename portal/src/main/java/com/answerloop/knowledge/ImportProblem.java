package com.answerloop.knowledge;

/**
 * Why one kb-content file was not imported.
 *
 * @param path the file, relative to the content directory
 * @param line the 1-based line the problem was found on (1 when it concerns the whole file)
 * @param reason what is wrong, in words an editor can act on
 */
public record ImportProblem(String path, int line, String reason) {

    /** One line, tab-separated, for storage. */
    String encode() {
        return path + "\t" + line + "\t" + reason.replace('\n', ' ').replace('\t', ' ');
    }

    static ImportProblem parse(String encoded) {
        String[] parts = encoded.split("\t", 3);
        return new ImportProblem(parts[0], Integer.parseInt(parts[1]), parts.length > 2 ? parts[2] : "");
    }

    @Override
    public String toString() {
        return path + ":" + line + ": " + reason;
    }
}
