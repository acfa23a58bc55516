package com.answerloop.cases.spi;

import com.answerloop.cases.CaseView;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The documents agents linked to cases and flagged for editors. The capture module owns them and implements this;
 * the agent console reads them through it, because cases sits below capture.
 */
public interface CaseLinks {

    /** The documents linked to one case, in the order they were linked. */
    List<CaseView.Link> linksOf(long caseId);

    /** For each document key linked to a case or flagged: how often and when last, and its open flags. */
    Map<String, DocumentUse> documentUse();

    /** How a document was used on cases. */
    record DocumentUse(long linkCount, Instant lastLinked, long openFlags) {}
}
