/** Users, roles, registration, sign-in, profiles and the security configuration. */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package com.answerloop.accounts;
