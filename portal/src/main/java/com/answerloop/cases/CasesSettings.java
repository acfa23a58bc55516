package com.answerloop.cases;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Support settings.
 *
 * @param responseTarget how the contact page and the confirmation mail word the first-response target; empty (the
 *     default) words {@code firstResponseTarget}, like "1 business day"
 * @param categories the request categories offered on the form (empty: no category field)
 * @param accessLinkValidity how long the secret link in a mail about a case opens it; every mail brings a new one
 * @param firstResponseTarget the time within which requests get a first answer, counted in business time (Monday to
 *     Friday, UTC): what the effort and service-level insights measure first responses against
 */
@ConfigurationProperties("answerloop.cases")
record CasesSettings(
        @DefaultValue("") String responseTarget,

        @DefaultValue({"Account and sign-in", "Billing", "Integrations", "Bug report", "Other"})
        List<String> categories,

        @DefaultValue("30d") Duration accessLinkValidity,
        @DefaultValue("1d") Duration firstResponseTarget) {

    /** The target as customers read it: the configured wording, else the target itself in words. */
    String responseTargetText() {
        return responseTarget.isBlank() ? BusinessTime.describe(firstResponseTarget) : responseTarget;
    }
}
