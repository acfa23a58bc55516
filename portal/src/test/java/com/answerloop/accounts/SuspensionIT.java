package com.answerloop.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** An administrator suspends a member: the member's sessions end and sign-in is refused until reinstated. */
class SuspensionIT extends AccountsIntegrationTest {

    @Test
    void suspendingEndsTheMembersSessionsAndReinstatingLetsThemBackIn() {
        long memberId = verifiedAccount("henry@example.com", "Henry", "henry's long passphrase");
        HttpSession member = new HttpSession(port);
        member.signIn("henry@example.com", "henry's long passphrase");
        HttpSession memberOnPhone = new HttpSession(port);
        memberOnPhone.signIn("henry@example.com", "henry's long passphrase");
        assertThat(member.get("/account").status()).isEqualTo(200);
        assertThat(memberOnPhone.get("/account").status()).isEqualTo(200);

        HttpSession admin = new HttpSession(port);
        admin.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(admin.get("/admin/users?q=henry").body()).contains("henry@example.com");
        admin.get("/admin/users/" + memberId);
        HttpSession.Response withoutReason = admin.post("/admin/users/" + memberId + "/suspend", Map.of("reason", " "));
        assertThat(withoutReason.status()).isEqualTo(302);
        assertThat(admin.get("/admin/users/" + memberId).body()).contains("Give a reason for the suspension.");
        assertThat(accounts.findById(memberId).orElseThrow().suspended()).isFalse();

        admin.post("/admin/users/" + memberId + "/suspend", Map.of("reason", "Posting spam links"));
        assertThat(accounts.findById(memberId).orElseThrow().suspended()).isTrue();
        assertThat(admin.get("/admin/users/" + memberId).body())
                .contains("Suspended: Posting spam links")
                .contains("SUSPENDED");

        for (HttpSession session : new HttpSession[] {member, memberOnPhone}) {
            HttpSession.Response next = session.get("/account");
            assertThat(next.status()).isEqualTo(302);
            assertThat(next.location()).hasValueSatisfying(l -> assertThat(l).contains("/login"));
        }
        assertThat(new HttpSession(port)
                        .signIn("henry@example.com", "henry's long passphrase")
                        .location())
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?suspended"));
        // A wrong password does not reveal the suspension.
        assertThat(new HttpSession(port)
                        .signIn("henry@example.com", "wrong guess at it")
                        .location())
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));

        admin.get("/admin/users/" + memberId);
        admin.post("/admin/users/" + memberId + "/reinstate", Map.of("reason", "Appeal accepted"));
        assertThat(admin.get("/admin/users/" + memberId).body())
                .contains("REINSTATED")
                .contains("Appeal accepted");
        assertThat(new HttpSession(port)
                        .signIn("henry@example.com", "henry's long passphrase")
                        .location())
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("/login"));
    }

    @Test
    void changingRolesTakesEffectAtTheNextSignIn() {
        long memberId = verifiedAccount("iris@example.com", "Iris", "iris's long passphrase");
        HttpSession member = new HttpSession(port);
        member.signIn("iris@example.com", "iris's long passphrase");
        assertThat(member.get("/admin/users").status()).isEqualTo(403);

        HttpSession admin = new HttpSession(port);
        admin.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        admin.get("/admin/users/" + memberId);
        admin.post("/admin/users/" + memberId + "/roles", Map.of("roles", "MODERATOR"));
        assertThat(accounts.findById(memberId).orElseThrow().roles())
                .containsExactlyInAnyOrder(Role.MEMBER, Role.MODERATOR);

        // The old session ended; signing in again carries the new role.
        assertThat(member.get("/account").status()).isEqualTo(302);
        member.signIn("iris@example.com", "iris's long passphrase");
        assertThat(member.get("/moderation/anything").status()).isNotIn(302, 401, 403);
    }

    @Test
    void anAdministratorCannotSuspendThemselvesOrDropTheirOwnAdminRole() {
        long adminId = accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id();
        HttpSession admin = new HttpSession(port);
        admin.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        admin.get("/admin/users/" + adminId);
        admin.post("/admin/users/" + adminId + "/suspend", Map.of("reason", "oops"));
        assertThat(admin.get("/admin/users/" + adminId).body()).contains("You cannot suspend yourself.");
        admin.post("/admin/users/" + adminId + "/roles", Map.of("roles", "MEMBER"));
        assertThat(admin.get("/admin/users/" + adminId).body()).contains("You cannot remove your own admin role");
        assertThat(accounts.findById(adminId).orElseThrow().hasRole(Role.ADMIN)).isTrue();
    }
}
