/** Outgoing email for every module: SMTP via Spring Mail, with an outbox table that also works without a server. */
package com.answerloop.shared.mail;
