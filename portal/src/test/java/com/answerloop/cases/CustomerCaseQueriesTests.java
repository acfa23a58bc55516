package com.answerloop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;

/**
 * The queries behind "My requests", on the real schema (Flyway migrations on H2 in MySQL mode): a customer sees what
 * they sent signed in and what they sent earlier from their address, and nobody else's.
 */
@DataJpaTest(
        properties = "spring.datasource.url=jdbc:h2:mem:case-queries;DB_CLOSE_DELAY=-1;MODE=MySQL;"
                + "DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class CustomerCaseQueriesTests {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    @Autowired
    Cases cases;

    @Test
    void aCustomerSeesTheirSignedInAndEarlierAnonymousRequestsOnly() {
        SupportCase signedIn = save("Signed in", "ana@example.org", 7L, NOW);
        SupportCase before = save("Before signing up", "Ana@Example.org", null, NOW.minusSeconds(3600));
        save("Someone else", "bob@example.org", null, NOW);
        save("Other account, same address", "ana@example.org", 8L, NOW);

        assertThat(cases.requestsOf(7L, "ana@example.org"))
                .extracting(SupportCase::subject)
                .containsExactly(signedIn.subject(), before.subject());
    }

    @Test
    void referencesAreTheRowIdShiftedSoTheyReadAsCaseNumbers() {
        SupportCase c = save("Printer offline", "cy@example.org", null, NOW);
        assertThat(c.reference()).isEqualTo("AL-" + (1000 + c.id()));
        assertThat(cases.findByReference(c.reference())).map(SupportCase::id).contains(c.id());
    }

    private SupportCase save(String subject, String email, Long accountId, Instant at) {
        SupportCase c = cases.saveAndFlush(new SupportCase(subject, "text", email, null, accountId, null, null, at));
        c.assignReference();
        return cases.saveAndFlush(c);
    }
}
