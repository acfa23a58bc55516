/** Bounded retry of a whole transaction that lost a lock conflict (a deadlock, a lock wait timeout, a stale version). */
package com.answerloop.shared.retry;
