package com.answerloop.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On start, creates the first administrator when there is none, from {@code ANSWERLOOP_ADMIN_EMAIL} and
 * {@code ANSWERLOOP_ADMIN_PASSWORD}; without a password one is generated and printed once to the log.
 */
@Component
class AdministratorBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

    private final AccountManagement accounts;
    private final AccountSettings settings;

    AdministratorBootstrap(AccountManagement accounts, AccountSettings settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean configured =
                settings.adminPassword() != null && !settings.adminPassword().isBlank();
        accounts.ensureAdministrator(settings.adminEmail(), settings.adminPassword())
                .ifPresentOrElse(generated -> log.warn("""

                                ================================================================
                                 First start: created the administrator {}
                                 with the generated password: {}
                                 It is shown only this once. Sign in and change it under /account.
                                ================================================================""", settings.adminEmail(), generated), () -> {
                    if (configured) {
                        log.debug("Administrator present (or created from ANSWERLOOP_ADMIN_EMAIL)");
                    }
                });
    }
}
