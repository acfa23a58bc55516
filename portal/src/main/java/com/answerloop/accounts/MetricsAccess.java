package com.answerloop.accounts;

import java.util.List;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * Who may read {@code /actuator/prometheus}: a signed-in admin, or a scraper from one of the configured networks
 * ({@code answerloop.metrics.scrape-from}, loopback by default). The metrics count requests per endpoint, admin and
 * agent actions included, so the public never sees them.
 */
@Component
class MetricsAccess {

    private final List<IpAddressMatcher> networks;
    private final AuthorityAuthorizationManager<RequestAuthorizationContext> admins =
            AuthorityAuthorizationManager.hasRole("ADMIN");

    MetricsAccess(MetricsSettings settings, RoleHierarchy roles) {
        this.networks =
                settings.scrapeFrom().stream().map(IpAddressMatcher::new).toList();
        this.admins.setRoleHierarchy(roles);
    }

    AuthorizationManager<RequestAuthorizationContext> scrapeAccess() {
        return (authentication, context) -> {
            String address = context.getRequest().getRemoteAddr();
            if (networks.stream().anyMatch(network -> network.matches(address))) {
                return new AuthorizationDecision(true);
            }
            return admins.authorize(authentication, context);
        };
    }
}
