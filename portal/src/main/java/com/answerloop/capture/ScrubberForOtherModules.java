package com.answerloop.capture;

import com.answerloop.shared.privacy.PersonalDataScrubber;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Offers the capture scrubber, with this portal's account-number patterns, to modules that show text typed by one
 * person to others (search suggestions and reports).
 */
@Component
class ScrubberForOtherModules implements PersonalDataScrubber {

    private final PiiScrubber scrubber;

    ScrubberForOtherModules(CaptureSettings settings) {
        this.scrubber = new PiiScrubber(settings.compiledAccountPatterns());
    }

    @Override
    public String scrub(String text) {
        return PiiScrubber.apply(text, scrubber.detect(text, List.of()), Set.of());
    }
}
