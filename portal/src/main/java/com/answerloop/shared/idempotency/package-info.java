/**
 * Idempotent submissions: a retried form post or API write (the reply to the first was lost, the button was pressed
 * twice) is answered with the first one's response instead of being stored again.
 */
package com.answerloop.shared.idempotency;
