-- The key under which a mail may be asked for more than once (a notification mail whose event is delivered again
-- after a crash): a mail already recorded as SENT under it is skipped, and its Message-ID is made from it.
-- Not UNIQUE on purpose: a repeat reuses the row it finds, so only two overlapping deliveries of one event insert two
-- rows, and a constraint violation would fail the second listener, which is then delivered again and sends anyway.
ALTER TABLE mail_outbox ADD COLUMN idempotency_key VARCHAR(120);

CREATE INDEX ix_mail_outbox_idempotency_key ON mail_outbox (idempotency_key);
