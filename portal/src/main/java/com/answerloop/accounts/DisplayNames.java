package com.answerloop.accounts;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.List;
import java.util.Optional;

/**
 * Which display names may be used, so that no member can pose as another one (a moderator, an admin) or as the site.
 *
 * <p>Two names are the same when their Unicode confusable skeletons (UTS #39, ICU's {@link SpoofChecker}) match after
 * case folding and collapsing spaces: "Mоderator" with a Cyrillic о, "M0derator", "rnoderator" and "MODERATOR" all
 * stand for "moderator". A name mixing scripts in a way real names do not (Latin with Cyrillic look-alikes) or holding
 * invisible characters is refused outright. The skeleton is stored ({@code accounts.display_name_key}) so the check
 * is one indexed lookup.
 */
final class DisplayNames {

    /** Names that would speak for the site or its staff; no member may take them or a look-alike. */
    private static final List<String> RESERVED =
            List.of("admin", "administrator", "moderator", "answerloop", "support", "staff", "system");

    private static final SpoofChecker SKELETONS = new SpoofChecker.Builder().build();
    private static final SpoofChecker MIXED_SCRIPTS = new SpoofChecker.Builder()
            .setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.INVISIBLE | SpoofChecker.MIXED_NUMBERS)
            .setRestrictionLevel(SpoofChecker.RestrictionLevel.MODERATELY_RESTRICTIVE)
            .build();
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final List<String> RESERVED_KEYS =
            RESERVED.stream().map(DisplayNames::key).toList();

    private DisplayNames() {}

    /** The comparison key of a name: its confusable skeleton, ignoring case and runs of spaces. */
    static String key(String displayName) {
        String spaced = NFKC.normalize(displayName.strip()).replaceAll("\\s+", " ");
        // skeleton before folding catches a capital I posing as an l; after folding, an m posing as rn in any case
        String once = UCharacter.foldCase(SKELETONS.getSkeleton(spaced), true);
        // a capital I folds to i but its skeleton is l: count i and l (and so I and 1) as one letter
        return UCharacter.foldCase(SKELETONS.getSkeleton(once), true).replace('l', 'i');
    }

    /** Format, control and unassigned code points (zero-width spaces, direction overrides) change nothing visible. */
    private static boolean hasInvisible(String name) {
        return name.codePoints().anyMatch(c -> {
            int type = UCharacter.getType(c);
            return type == UCharacterCategory.FORMAT
                    || type == UCharacterCategory.CONTROL
                    || type == UCharacterCategory.PRIVATE_USE
                    || type == UCharacterCategory.UNASSIGNED;
        });
    }

    /** The script check looks at letters, marks and digits; spaces and punctuation belong to every script. */
    private static String lettersAndDigits(String name) {
        StringBuilder kept = new StringBuilder();
        name.codePoints()
                .filter(c -> UCharacter.isLetterOrDigit(c)
                        || UCharacter.getType(c) == UCharacterCategory.NON_SPACING_MARK
                        || UCharacter.getType(c) == UCharacterCategory.COMBINING_SPACING_MARK)
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /**
     * Why the name cannot be used, or empty when it can.
     *
     * @param takenByOthers whether another account already has a name with this key
     */
    static Optional<String> problemWith(String displayName, java.util.function.Predicate<String> takenByOthers) {
        String normalized = NFKC.normalize(displayName.strip());
        if (hasInvisible(normalized) || MIXED_SCRIPTS.failsChecks(lettersAndDigits(normalized))) {
            return Optional.of("Use letters from one writing system and no invisible characters in your display name.");
        }
        String key = key(displayName);
        if (RESERVED_KEYS.contains(key)) {
            return Optional.of("This display name is reserved; choose another one.");
        }
        if (takenByOthers.test(key)) {
            return Optional.of("Someone already uses this display name or one that looks the same; choose another.");
        }
        return Optional.empty();
    }
}
