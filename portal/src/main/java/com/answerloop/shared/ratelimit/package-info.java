/**
 * Request rate limits for every write, mail-sending and anonymous read endpoint, per client address and per account,
 * decided in one place ({@link com.answerloop.shared.ratelimit.RateLimitSettings}) and enforced with Bucket4j.
 */
package com.answerloop.shared.ratelimit;
