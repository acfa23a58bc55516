package com.answerloop.knowledge;

import com.answerloop.shared.markdown.MarkdownRenderer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one kb-content Markdown file: strict UTF-8, YAML front matter between {@code ---} lines,
 * validated fields with derived defaults. Every rejection names the line and the reason.
 */
@Component
class SourceParser {

    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final int MAX_TITLE = 300;
    private static final int MAX_SUMMARY = 1000;
    private static final int MAX_TAGS = 20;
    private static final int MAX_TAG_LENGTH = 60;
    private static final int DERIVED_SUMMARY_LENGTH = 200;

    private final MarkdownRenderer markdown;

    SourceParser(MarkdownRenderer markdown) {
        this.markdown = markdown;
    }

    /** Front matter and body of a file, before the fields are interpreted. */
    record Document(Map<String, Object> fields, String frontMatter, String body) {}

    ArticleSource parseArticle(String path, byte[] bytes, long maxBytes, LocalDate fileDate)
            throws InvalidSourceException {
        Document document = parseDocument(bytes, maxBytes);
        Map<String, Object> fields = document.fields();
        var unrenderable = markdown.renderingProblem(document.body());
        if (unrenderable.isPresent()) {
            throw new InvalidSourceException(bodyLine(document), "body cannot be rendered: " + unrenderable.get());
        }
        String title = requiredText(fields, "title", document, MAX_TITLE);
        String slug = fields.containsKey("slug") ? text(fields, "slug", document, 160) : slugOf(fileStem(path));
        if (!SLUG.matcher(slug).matches()) {
            throw new InvalidSourceException(
                    lineOf(document, "slug"),
                    "slug '" + slug + "' must be lowercase letters, digits and single hyphens");
        }
        String summary = fields.containsKey("summary")
                ? text(fields, "summary", document, MAX_SUMMARY)
                : derivedSummary(document.body());
        Visibility visibility = Visibility.PUBLIC;
        if (fields.containsKey("visibility")) {
            try {
                visibility = Visibility.parse(text(fields, "visibility", document, 20));
            } catch (IllegalArgumentException e) {
                throw new InvalidSourceException(lineOf(document, "visibility"), e.getMessage());
            }
        }
        Object promoted = fields.getOrDefault("promoted", false);
        if (!(promoted instanceof Boolean)) {
            throw new InvalidSourceException(lineOf(document, "promoted"), "promoted must be true or false");
        }
        LocalDate updated = fields.containsKey("updated") ? date(fields, "updated", document) : fileDate;
        return new ArticleSource(
                path,
                slug,
                title,
                summary,
                tags(fields, document),
                visibility,
                (Boolean) promoted,
                updated,
                review(fields, document),
                document.frontMatter(),
                document.body(),
                sha256(bytes));
    }

    /** Splits and parses a file; also used for the {@code _index.md} files that describe folders. */
    Document parseDocument(byte[] bytes, long maxBytes) throws InvalidSourceException {
        if (bytes.length > maxBytes) {
            throw new InvalidSourceException(
                    1, "file is %d bytes, over the limit of %d bytes".formatted(bytes.length, maxBytes));
        }
        String text = decodeUtf8(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            throw new InvalidSourceException(1, "missing front matter: the file must start with a '---' line");
        }
        int close = closingDelimiter(text);
        if (close < 0) {
            throw new InvalidSourceException(1, "front matter is not closed: no '---' line after the opening one");
        }
        String frontMatter = text.substring(4, close);
        int bodyStart = text.indexOf('\n', close);
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
        return new Document(yaml(frontMatter), frontMatter, body);
    }

    /** The file line the body starts on: after the opening delimiter, the front matter and the closing one. */
    private static int bodyLine(Document document) {
        return 3 + (int) document.frontMatter().chars().filter(c -> c == '\n').count();
    }

    private static int closingDelimiter(String text) {
        int lineStart = 4;
        while (lineStart <= text.length()) {
            int end = text.indexOf('\n', lineStart);
            String line = end < 0 ? text.substring(lineStart) : text.substring(lineStart, end);
            if (line.equals("---") || line.equals("...")) {
                return lineStart;
            }
            if (end < 0) {
                return -1;
            }
            lineStart = end + 1;
        }
        return -1;
    }

    static Map<String, Object> yaml(String frontMatter) throws InvalidSourceException {
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(frontMatter);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 2 : 2;
            throw new InvalidSourceException(line, "invalid YAML in front matter: " + firstLine(e.getProblem()), e);
        } catch (YAMLException e) {
            throw new InvalidSourceException(2, "invalid YAML in front matter: " + firstLine(e.getMessage()), e);
        }
        if (loaded == null) {
            return Map.of();
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new InvalidSourceException(2, "front matter must be a set of 'key: value' lines");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) map;
        return fields;
    }

    private static String firstLine(String message) {
        return message == null
                ? "unreadable"
                : message.lines().findFirst().orElse(message).strip();
    }

    private static String decodeUtf8(byte[] bytes) throws InvalidSourceException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int position = in.position();
            int line = 1;
            for (int i = 0; i < position; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new InvalidSourceException(
                    line,
                    "not valid UTF-8 (byte 0x%02X at offset %d); save the file as UTF-8"
                            .formatted(bytes[position] & 0xFF, position));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private String derivedSummary(String body) {
        String first =
                markdown.render(body).firstParagraph().replaceAll("\\s+", " ").strip();
        if (first.length() <= DERIVED_SUMMARY_LENGTH) {
            return first;
        }
        int cut = first.lastIndexOf(' ', DERIVED_SUMMARY_LENGTH - 1);
        return first.substring(0, cut > 0 ? cut : DERIVED_SUMMARY_LENGTH - 1) + "…";
    }

    private static String requiredText(Map<String, Object> fields, String key, Document document, int max)
            throws InvalidSourceException {
        if (!fields.containsKey(key) || fields.get(key) == null) {
            throw new InvalidSourceException(2, "missing required field '" + key + "' in front matter");
        }
        String value = text(fields, key, document, max);
        if (value.isBlank()) {
            throw new InvalidSourceException(lineOf(document, key), "field '" + key + "' must not be empty");
        }
        return value;
    }

    private static String text(Map<String, Object> fields, String key, Document document, int max)
            throws InvalidSourceException {
        Object value = fields.get(key);
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            throw new InvalidSourceException(lineOf(document, key), "field '" + key + "' must be a single value");
        }
        String text = value == null ? "" : value.toString().strip();
        if (text.length() > max) {
            throw new InvalidSourceException(
                    lineOf(document, key), "field '%s' is longer than %d characters".formatted(key, max));
        }
        return text;
    }

    private static List<String> tags(Map<String, Object> fields, Document document) throws InvalidSourceException {
        Object value = fields.get("tags");
        if (value == null) {
            return List.of();
        }
        List<Object> raw = value instanceof Collection<?> c
                ? new ArrayList<>(c)
                : List.of((Object[]) value.toString().split(","));
        Set<String> tags = new LinkedHashSet<>();
        for (Object item : raw) {
            if (item instanceof Map<?, ?> || item instanceof Collection<?>) {
                throw new InvalidSourceException(lineOf(document, "tags"), "tags must be a list of words");
            }
            String tag = item == null ? "" : item.toString().strip().toLowerCase(Locale.ROOT);
            if (tag.isEmpty()) {
                continue;
            }
            if (tag.length() > MAX_TAG_LENGTH || tag.contains(",")) {
                throw new InvalidSourceException(
                        lineOf(document, "tags"), "tag '%s' is too long or contains a comma".formatted(tag));
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_TAGS) {
            throw new InvalidSourceException(lineOf(document, "tags"), "at most " + MAX_TAGS + " tags are allowed");
        }
        return List.copyOf(tags);
    }

    private static LocalDate date(Map<String, Object> fields, String key, Document document)
            throws InvalidSourceException {
        Object value = fields.get(key);
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(String.valueOf(value).strip());
        } catch (DateTimeParseException e) {
            throw new InvalidSourceException(
                    lineOf(document, key), key + " must be a date like 2026-10-31, not '" + value + "'");
        }
    }

    /**
     * {@code owner}, {@code review_every} and {@code verified}: who keeps the article right, and how often. Also read
     * by the exporter, to see which of them an editor changed on the web since.
     */
    static ReviewTerms review(Map<String, Object> fields, Document document) throws InvalidSourceException {
        String owner = fields.get(ReviewTerms.OWNER) == null
                ? null
                : text(fields, ReviewTerms.OWNER, document, ReviewTerms.MAX_OWNER);
        if (owner != null && !ReviewTerms.isEmailAddress(owner)) {
            throw new InvalidSourceException(
                    lineOf(document, ReviewTerms.OWNER), "owner must be an email address, like editor@example.com");
        }
        Integer everyDays = null;
        if (fields.get(ReviewTerms.REVIEW_EVERY) != null) {
            String interval = text(fields, ReviewTerms.REVIEW_EVERY, document, 20);
            try {
                everyDays = ReviewTerms.parseInterval(interval);
            } catch (IllegalArgumentException e) {
                throw new InvalidSourceException(lineOf(document, ReviewTerms.REVIEW_EVERY), e.getMessage());
            }
        }
        LocalDate verified =
                fields.get(ReviewTerms.VERIFIED) == null ? null : date(fields, ReviewTerms.VERIFIED, document);
        return new ReviewTerms(owner == null || owner.isBlank() ? null : owner, everyDays, verified);
    }

    /** The {@code review_every} of a folder's {@code _index.md}: the default of its articles, or empty. */
    static Integer folderReviewEvery(Map<String, Object> fields) {
        Object value = fields.get(ReviewTerms.REVIEW_EVERY);
        return value == null ? null : ReviewTerms.parseInterval(value.toString());
    }

    /** The line of {@code key:} in the file (front matter starts on line 2). */
    private static int lineOf(Document document, String key) {
        List<String> lines = document.frontMatter().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(key + ":")) {
                return i + 2;
            }
        }
        return 2;
    }

    static String fileStem(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
    }

    /** A URL-safe slug from a file or folder name. */
    static String slugOf(String name) {
        String slug = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+)|(-+$)", "");
        return slug.isEmpty() ? "article" : slug;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
