package com.answerloop.cases;

import com.answerloop.accounts.UserAccount;
import org.springframework.stereotype.Component;

/**
 * Answers "may this person see or do this with a case?": the pages ask it which forms and buttons to show, and the
 * services ask it before acting, so each rule is decided here. Who reaches the agent console at all is decided by the
 * URL rules in {@code accounts}; what a status allows lives in {@link CaseStatus}, enforced by {@link SupportCase}.
 */
@Component
public class CaseGuardian {

    /** What the customer's request page offers. */
    public record CustomerActions(boolean reply, boolean survey, boolean replyReopens) {}

    /** A signed-in customer sees the requests they sent, signed in or earlier from their (verified) address. */
    boolean maySee(UserAccount customer, SupportCase c) {
        return c.belongsTo(customer);
    }

    CustomerActions forCustomer(CaseView view) {
        return new CustomerActions(
                view.status().acceptsCustomerReplies(),
                view.status().opensSurvey(),
                view.status() == CaseStatus.SOLVED);
    }

    /** Only a solved case's answer may become an article: the console shows the button, capture holds the rule. */
    public boolean mayCapture(CaseView view) {
        return view.status() == CaseStatus.SOLVED;
    }

    /** The console offers capture only while no document is linked yet: a linked case already has its article. */
    boolean offersCapture(CaseView view) {
        return mayCapture(view) && view.links().isEmpty();
    }
}
