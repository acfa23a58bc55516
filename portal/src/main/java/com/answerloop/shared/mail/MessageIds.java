package com.answerloop.shared.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;

/**
 * Makes the RFC 5322 Message-ID of the portal's mails: {@code <left part@portal host>}. The host is the one of the
 * portal's base URL (or of its sender address when the URL names none), so two portals never make the same ID.
 */
final class MessageIds {

    private final String host;

    MessageIds(String baseUrl, String from) {
        this.host = hostOf(baseUrl, from);
    }

    /** The Message-ID of the mail recorded in {@code message}, the same for every attempt at it. */
    String of(OutboxMessage message) {
        return "<" + message.messageIdLeftPart() + "@" + host + ">";
    }

    private static String hostOf(String baseUrl, String from) {
        String host = URI.create(baseUrl).getHost();
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            String address = new InternetAddress(from).getAddress();
            return address.contains("@") ? address.substring(address.lastIndexOf('@') + 1) : "localhost";
        } catch (AddressException e) {
            return "localhost";
        }
    }
}
