package com.answerloop.accounts;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the signed-in user's display name and id for the account navigation in the layout. */
@ControllerAdvice
class CurrentUserAdvice {

    @ModelAttribute("signedInName")
    String signedInName(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof AccountUserDetails user
                ? user.displayName()
                : null;
    }

    @ModelAttribute("signedInId")
    Long signedInId(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof AccountUserDetails user
                ? user.id()
                : null;
    }
}
