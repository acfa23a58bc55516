package com.answerloop.cases;

import com.answerloop.cases.spi.CaseLinks;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Finds cases by reference and builds what one reader may see of them. Customer views only ever load public
 * messages ({@link MessageKind#isPublic()}), so an internal note cannot reach a customer page or email by accident.
 */
@Component
class CaseViews {

    private static final Set<MessageKind> PUBLIC_KINDS = EnumSet.of(MessageKind.CUSTOMER, MessageKind.AGENT_REPLY);
    private static final Pattern REFERENCE = Pattern.compile("AL-\\d{1,12}", Pattern.CASE_INSENSITIVE);

    private final Cases cases;
    private final CaseMessages messages;
    private final CaseAudit audit;
    // Looked up when used: its implementation (in capture) itself calls the cases module.
    private final ObjectProvider<CaseLinks> links;

    CaseViews(Cases cases, CaseMessages messages, CaseAudit audit, ObjectProvider<CaseLinks> links) {
        this.cases = cases;
        this.messages = messages;
        this.audit = audit;
        this.links = links;
    }

    Optional<SupportCase> byReference(String reference) {
        if (reference == null || !REFERENCE.matcher(reference.strip()).matches()) {
            return Optional.empty();
        }
        return cases.findByReference(reference.strip().toUpperCase(Locale.ROOT));
    }

    SupportCase require(String reference) {
        return byReference(reference).orElseThrow(() -> new CaseProblem("No case " + reference + "."));
    }

    /** Documents linked to the case; none when no module keeps links. */
    List<CaseView.Link> linksOf(SupportCase c) {
        CaseLinks keeper = links.getIfAvailable();
        return keeper == null ? List.of() : keeper.linksOf(c.id());
    }

    /** How documents were used on cases, by document key, for the agents' knowledge panel. */
    Map<String, CaseLinks.DocumentUse> documentUse() {
        CaseLinks keeper = links.getIfAvailable();
        return keeper == null ? Map.of() : keeper.documentUse();
    }

    CaseView forCustomer(SupportCase c) {
        return view(c, false);
    }

    CaseView forAgent(SupportCase c) {
        return view(c, true);
    }

    private CaseView view(SupportCase c, boolean forAgent) {
        List<CaseMessage> conversation = forAgent
                ? messages.findByCaseIdOrderByIdAsc(c.id())
                : messages.findByCaseIdAndKindInOrderByIdAsc(c.id(), PUBLIC_KINDS);
        return new CaseView(
                c.id(),
                c.reference(),
                c.subject(),
                c.description(),
                c.customerEmail(),
                c.customerName(),
                c.customerAccountId(),
                c.category(),
                c.status(),
                c.assigneeId(),
                c.assigneeName(),
                forAgent ? c.searchedWords() : null,
                c.createdAt(),
                c.updatedAt(),
                c.solvedAt(),
                c.effortScore(),
                c.effortComment(),
                conversation.stream().map(CaseMessage::toView).toList(),
                forAgent
                        ? audit.findByCaseIdOrderByIdAsc(c.id()).stream()
                                .map(CaseAuditEntry::toView)
                                .toList()
                        : List.of(),
                forAgent ? linksOf(c) : List.of());
    }
}
