package com.answerloop.accounts;

import com.answerloop.shared.mail.OutboxEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recorded mail for the outbox page, its text cut into plain parts and web links. A link that carries a secret
 * (a reset, verification, unsubscribe or case link) is shown masked and not linked: any admin may read this page, and
 * the link would let them act as the recipient. The full text is in the portal's log for whoever runs it.
 */
record OutboxMail(OutboxEntry mail, List<Part> parts) {

    /** A piece of the text; {@code link} when it is an http(s) address that can be opened. */
    record Part(String text, boolean link) {}

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)]");

    /** A token in a query ({@code token=...}) or a case access path; the first four characters stay, to tell apart. */
    private static final Pattern SECRET = Pattern.compile("(token=|/requests/access/)([A-Za-z0-9_-]{4})[A-Za-z0-9_-]+");

    public boolean textKept() {
        return mail.text() != null && !mail.text().isEmpty();
    }

    static OutboxMail of(OutboxEntry mail) {
        List<Part> parts = new ArrayList<>();
        String text = mail.text() == null ? "" : mail.text();
        Matcher m = LINK.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(new Part(text.substring(at, m.start()), false));
            }
            Matcher secret = SECRET.matcher(m.group());
            if (secret.find()) {
                parts.add(new Part(secret.replaceAll("$1$2…"), false));
            } else {
                parts.add(new Part(m.group(), true));
            }
            at = m.end();
        }
        if (at < text.length()) {
            parts.add(new Part(text.substring(at), false));
        }
        return new OutboxMail(mail, parts);
    }
}
