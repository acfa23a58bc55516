package com.answerloop.accounts;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * On start, creates the first administrator when there is none, from {@code ANSWERLOOP_ADMIN_EMAIL} and
 * {@code ANSWERLOOP_ADMIN_PASSWORD}; without a password one is generated and printed once to the log.
 */
@Component
class AdministratorBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

    private final AccountAdministration accounts;
    private final AccountSettings settings;

    AdministratorBootstrap(AccountAdministration accounts, AccountSettings settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean configured =
                settings.adminPassword() != null && !settings.adminPassword().isBlank();
        Optional<String> generatedPassword;
        try {
            generatedPassword = accounts.ensureAdministrator(settings.adminEmail(), settings.adminPassword());
        } catch (DataIntegrityViolationException sameMoment) {
            // cluster mode: another node starting at the same moment created the administrator first
            log.info("Administrator created by another node starting at the same time");
            return;
        }
        generatedPassword.ifPresentOrElse(generated -> log.warn("""

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
