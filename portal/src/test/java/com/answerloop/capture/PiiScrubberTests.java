package com.answerloop.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The scrubber's rules one by one: checksums, shapes that only look like personal data, and keeping or masking. */
class PiiScrubberTests {

    private final PiiScrubber scrubber = new PiiScrubber(List.of(Pattern.compile("\\bORD-\\d{5,}\\b")));

    @Test
    void cardNumbersMustPassTheLuhnCheck() {
        assertThat(kinds("card 4242 4242 4242 4242 please")).containsExactly(PiiKind.CARD);
        assertThat(kinds("card 4242 4242 4242 4241 please")).doesNotContain(PiiKind.CARD);
    }

    @Test
    void ibansMustPassMod97EvenWhenFollowedByCapitals() {
        assertThat(scrubber.detect("IBAN DE89 3704 0044 0532 0130 00 THANKS", List.of()))
                .extracting(Detection::text)
                .containsExactly("DE89 3704 0044 0532 0130 00");
        assertThat(kinds("IBAN DE88 3704 0044 0532 0130 00")).doesNotContain(PiiKind.IBAN);
    }

    @Test
    void timesMacAddressesAndVersionsAreNotIpAddresses() {
        assertThat(kinds("at 12:30:45 from 00:1A:2B:3C:4D:5E on version 10.2.0.15"))
                .isEmpty();
        assertThat(kinds("from 2001:db8::7 and 81.2.69.160")).containsExactly(PiiKind.IP, PiiKind.IP);
        assertThat(kinds("address 300.1.2.3")).isEmpty();
    }

    @Test
    void datesReferencesAndIsbnsAreNotPhoneNumbers() {
        assertThat(kinds("on 2025-03-14 14:32, reference 2024-0091, ISBN 978-3-16-148410-0, PO number 4500123456"))
                .isEmpty();
        assertThat(kinds("call me on +44 20 7946 0958 or (415) 555-0132"))
                .containsExactly(PiiKind.PHONE, PiiKind.PHONE);
    }

    @Test
    void commitIdsAreNotSecretsButLabelledKeysAndKnownTokenFormatsAre() {
        assertThat(kinds("commit a94a8fe5ccb19ba61c4c0873d391e987982fbbd3")).isEmpty();
        assertThat(kinds("api key: a94a8fe5ccb19ba61c4c0873d391e987")).containsExactly(PiiKind.SECRET);
        assertThat(kinds("use sk_live_4eC39HqLyjWDarjtT1zdp7dc now")).containsExactly(PiiKind.SECRET);
        assertThat(kinds("AKIAIOSFODNN7EXAMPLE")).containsExactly(PiiKind.SECRET);
    }

    @Test
    void theCustomersNameIsFoundInFullAndByItsParts() {
        assertThat(scrubber.detect("Thanks, Ana. Regards, Ana Lopez (will call later)", List.of("Ana Lopez")))
                .extracting(Detection::text)
                .containsExactly("Ana", "Ana Lopez");
    }

    @Test
    void anEmailWinsOverTheNameInside() {
        assertThat(scrubber.detect("write to ana.lopez@example.com", List.of("Ana Lopez")))
                .extracting(Detection::kind)
                .containsExactly(PiiKind.EMAIL);
    }

    @Test
    void applyMasksEverythingExceptWhatTheAgentKept() {
        String text = "Mail ana@example.com or call +1 415-555-0132 about ORD-12345";
        List<Detection> found = scrubber.detect(text, List.of());
        assertThat(PiiScrubber.apply(text, found, Set.of("ORD-12345")))
                .isEqualTo("Mail [email removed] or call [phone removed] about ORD-12345");
    }

    @Test
    void configAssignmentsOfKeysAreSecretsButPlainSettingsAreNot() {
        assertThat(kinds("aws_secret_access_key = q8Vh2Lr+Jt5Nw0Yk3Xp7Zs1Bc9Df4Gm6Hj2Kl8Qn"))
                .containsExactly(PiiKind.SECRET);
        assertThat(kinds("AccountKey=Zm9yZXhhbXBsZW9ubHkvbm90YXJlYWxrZXkrMTIzNDU2Nzg5MA==;"))
                .containsExactly(PiiKind.SECRET);
        assertThat(kinds("sort_key = created_at_descending, primary_key: id")).isEmpty();
        assertThat(kinds("export OPENAI_API_KEY=sk-proj-Tq8W2eR5tY7uI9oP1aS3dF6gH8jK0lZ2"))
                .containsExactly(PiiKind.SECRET);
        assertThat(kinds("https://hooks.slack.com/services/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"))
                .containsExactly(PiiKind.SECRET);
        assertThat(kinds("the sk-SE locale and key-value pairs")).isEmpty();
    }

    @Test
    void spelledOutAddressesAreEmailsButEverydayWordsAreNot() {
        assertThat(scrubber.detect("write to lena dot weber at example dot de today", List.of()))
                .extracting(Detection::text)
                .containsExactly("lena dot weber at example dot de");
        assertThat(kinds("jo(at)example(dot)org")).containsExactly(PiiKind.EMAIL);
        assertThat(kinds("look at the dot at the top, then at home dot")).isEmpty();
    }

    @Test
    void slashAreaCodesAreSpaceAndLabelledOrderNumbersAreAccounts() {
        assertThat(kinds("Festnetz 030 / 2639 1180")).containsExactly(PiiKind.PHONE);
        assertThat(kinds("renewed on 12/03/2023 and 1/2 of the seats")).isEmpty();
        assertThat(scrubber.detect("my order #100238857 from 2 March", List.of()))
                .extracting(Detection::text)
                .containsExactly("100238857");
        assertThat(kinds("the order from 2 March, invoice for February")).isEmpty();
    }

    private List<PiiKind> kinds(String text) {
        return scrubber.detect(text, List.of()).stream().map(Detection::kind).toList();
    }
}
