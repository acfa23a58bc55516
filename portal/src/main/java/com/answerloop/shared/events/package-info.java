/** Keeping cross-module events flowing: failed publications delivered again with backoff. */
package com.answerloop.shared.events;
