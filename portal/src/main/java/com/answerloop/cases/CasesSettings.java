package com.answerloop.cases;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Support settings.
 *
 * @param responseTarget the published time within which requests get a first answer, as shown on the contact page
 * @param categories the request categories offered on the form (empty: no category field)
 */
@ConfigurationProperties("answerloop.cases")
record CasesSettings(
        @DefaultValue("1 business day") String responseTarget,

        @DefaultValue({"Account and sign-in", "Billing", "Integrations", "Bug report", "Other"})
        List<String> categories) {}
