/** Privacy interfaces shared by modules: scrubbing personal data out of texts that other people may see. */
package com.answerloop.shared.privacy;
