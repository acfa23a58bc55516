package com.answerloop.cases;

import com.answerloop.shared.PortalSettings;
import com.answerloop.shared.mail.Mailer;
import com.answerloop.shared.mail.OutgoingMail;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The emails a customer gets about their request, written from the text templates in {@code templates/cases/mail/};
 * each carries a fresh secret link to the request.
 */
@Component
class CaseMails {

    private final CaseAccessLinks accessLinks;
    private final Mailer mailer;
    private final PortalSettings portal;
    private final CasesSettings settings;
    // A private engine in text mode: the application's engine renders HTML pages, and mail must not be escaped.
    private final SpringTemplateEngine templates = textTemplates();

    CaseMails(CaseAccessLinks accessLinks, Mailer mailer, PortalSettings portal, CasesSettings settings) {
        this.accessLinks = accessLinks;
        this.mailer = mailer;
        this.portal = portal;
        this.settings = settings;
    }

    /** One answer of the survey: a number and the link that records it. */
    record Choice(int score, String label, String link) {}

    /**
     * The confirmation; it quotes none of the visitor's text (subject, name, question) because the address is not
     * verified, so the contact form cannot relay someone's words to a stranger's mailbox.
     *
     * @return the secret link it carries
     */
    String received(SupportCase c, Instant now) {
        String accessPath = newAccessPath(c, now);
        send(
                c,
                "We received your request",
                "received",
                Map.of(
                        "reference", c.reference(),
                        "responseTarget", settings.responseTargetText(),
                        "link", portal.absoluteUrl(accessPath)));
        return accessPath;
    }

    void replied(SupportCase c, String agentName, String text, Instant now) {
        String accessPath = newAccessPath(c, now);
        send(
                c,
                c.subject(),
                "replied",
                Map.of(
                        "greeting", greeting(c),
                        "agent", agentName,
                        "reference", c.reference(),
                        "text", text,
                        "link", portal.absoluteUrl(accessPath)));
    }

    /** @param reply the agent's reply that solved the case, so the customer gets one email, not two; or null */
    void solved(SupportCase c, String reply, Instant now) {
        String accessPath = newAccessPath(c, now);
        List<Choice> choices = new ArrayList<>();
        for (int score = 1; score <= 7; score++) {
            String label = score == 1 ? " (very low effort)" : score == 7 ? " (very high effort)" : "";
            choices.add(new Choice(score, label, portal.absoluteUrl(accessPath + "/effort?score=" + score)));
        }
        send(
                c,
                "Your request is solved",
                "solved",
                Map.of(
                        "greeting", greeting(c),
                        "reply", reply == null ? "" : reply + "\n\n",
                        "reference", c.reference(),
                        "subject", c.subject(),
                        "link", portal.absoluteUrl(accessPath),
                        "choices", choices));
    }

    private void send(SupportCase c, String subject, String template, Map<String, Object> variables) {
        String text = templates.process(template, new Context(null, variables));
        mailer.send(new OutgoingMail(c.customerEmail(), "[" + c.reference() + "] " + subject, text));
    }

    private String newAccessPath(SupportCase c, Instant now) {
        return accessLinks.issue(c.id(), now);
    }

    private static String greeting(SupportCase c) {
        return c.customerName() == null ? "" : " " + c.customerName();
    }

    private static SpringTemplateEngine textTemplates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/cases/mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
