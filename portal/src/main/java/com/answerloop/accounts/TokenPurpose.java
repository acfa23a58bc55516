package com.answerloop.accounts;

/** What an emailed single-use link is for. */
enum TokenPurpose {
    VERIFY_EMAIL,
    RESET_PASSWORD,
    CHANGE_EMAIL
}
