package com.answerloop.capture;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A text could not be checked for personal data within the time budget; it is not shown unchecked. */
@ResponseStatus(
        code = HttpStatus.UNPROCESSABLE_CONTENT,
        reason = "This text could not be checked for personal data in time. Shorten it, or capture the answer by hand.")
class PiiScanTimeout extends RuntimeException {

    PiiScanTimeout() {
        super("PII scan over its time budget");
    }
}
