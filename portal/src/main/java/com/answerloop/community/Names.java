package com.answerloop.community;

import com.answerloop.accounts.AccountManagement;
import com.answerloop.accounts.UserAccount;
import java.util.HashMap;
import java.util.Map;

/** Display names looked up once per request: a page names the same few members many times. */
final class Names {

    private final AccountManagement accounts;
    private final Map<Long, String> cache = new HashMap<>();

    Names(AccountManagement accounts) {
        this.accounts = accounts;
    }

    String of(long accountId) {
        return cache.computeIfAbsent(
                accountId,
                id -> accounts.findById(id).map(UserAccount::displayName).orElse("Former member"));
    }
}
