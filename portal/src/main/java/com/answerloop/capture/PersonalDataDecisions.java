package com.answerloop.capture;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The author's decisions on detections found in an edited draft: {@code kept} values stay in the text ("undo
 * masking"), every other {@code reviewed} value is masked. A value the author has not seen yet stops the save.
 */
public record PersonalDataDecisions(Set<String> kept, Set<String> reviewed) {

    public static final PersonalDataDecisions NONE = new PersonalDataDecisions(Set.of(), Set.of());

    public PersonalDataDecisions {
        kept = kept == null ? Set.of() : Set.copyOf(kept);
        Set<String> all = new LinkedHashSet<>(kept);
        if (reviewed != null) {
            all.addAll(reviewed);
        }
        reviewed = Set.copyOf(all);
    }

    public static PersonalDataDecisions of(Collection<String> kept, Collection<String> reviewed) {
        return new PersonalDataDecisions(
                kept == null ? Set.of() : new LinkedHashSet<>(kept),
                reviewed == null ? Set.of() : new LinkedHashSet<>(reviewed));
    }
}
