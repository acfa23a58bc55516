package com.answerloop.cases;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.answerloop.accounts.TestAccounts;
import com.answerloop.accounts.UserAccount;
import com.answerloop.search.SearchManagement;
import com.answerloop.search.SearchQuery;
import com.answerloop.support.Content;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Base of the cases and capture tests: the whole portal (MockMvc) on in-memory H2 in MySQL mode, a temporary data
 * directory with a real Lucene index built from the shipped kb-content, and GreenMail receiving every email. One
 * context serves all subclasses. A subclass that needs a context of its own (other settings) names its own data
 * directory with {@code answerloop.test.data-subdir}: two live contexts must never open the same index (its write lock).
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:cases-${random.uuid};DB_CLOSE_DELAY=-1;MODE=MySQL;"
                    + "DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE",
            "answerloop.accounts.admin-password=admin password for tests 1",
            "answerloop.cases.response-target=4 business hours",
        })
@AutoConfigureMockMvc
@Import({TestAccounts.class, TestCases.class})
public abstract class CasesIntegrationTest {

    protected static final GreenMail MAIL = startMailServer();
    private static final Path DATA_DIR = Content.temporaryDirectory("answerloop-cases-data");
    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/\\S*)");

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected TestAccounts testAccounts;

    @Autowired
    protected SearchManagement search;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        // resolved per context: the subdirectory comes from that context's own test properties
        registry.add("answerloop.data-dir", () -> DATA_DIR + "/${answerloop.test.data-subdir:shared}");
        registry.add(
                "answerloop.content-dir", () -> Content.shippedKnowledgeBase().toString());
    }

    @BeforeEach
    void waitForIndexAndResetMail() throws Exception {
        // The shipped articles reach the index after the import commits; tests about suggestions need them.
        await(() -> search.search(SearchQuery.of("password"), false).total() > 0, "the index to hold articles");
        MAIL.purgeEmailFromAllMailboxes();
    }

    protected static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The emails received for this address, oldest first. */
    protected static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getAllRecipients())
                                .anyMatch(r -> r.toString().equalsIgnoreCase(address));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    protected static String text(MimeMessage message) {
        try {
            return message.getContent().toString().replace("\r\n", "\n");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The page as this signed-in account gets it; it must answer 200. */
    protected String page(MockHttpServletRequestBuilder request, UserAccount who) throws Exception {
        return mvc.perform(request.with(authentication(testAccounts.signedIn(who))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    protected static String lastMailTo(String address) {
        await(() -> !mailsTo(address).isEmpty(), "a mail to " + address);
        return text(mailsTo(address).getLast());
    }

    /** The path of the first link in the text that starts with the prefix. */
    protected static String pathIn(String text, String prefix) {
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1).startsWith(prefix)) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("no link to " + prefix + " in: " + text);
    }

    private static GreenMail startMailServer() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
    }
}
